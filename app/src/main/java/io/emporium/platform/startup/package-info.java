/** Start-up safety for many nodes on one store: the start-up lock's adapters. */
@NullMarked
package io.emporium.platform.startup;

import org.jspecify.annotations.NullMarked;
