/** What a node serves, by its roles ({@code emporium.roles}). */
@NullMarked
package io.emporium.platform.roles;

import org.jspecify.annotations.NullMarked;
