/**
 * Shopping carts of guests and customers, their lines, and merging a guest cart at
 * sign-in.
 */
@NullMarked
package io.emporium.cart;

import org.jspecify.annotations.NullMarked;
