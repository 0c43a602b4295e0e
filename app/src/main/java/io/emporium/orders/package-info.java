/** Orders, their state machine and their append-only history. */
@NullMarked
package io.emporium.orders;

import org.jspecify.annotations.NullMarked;
