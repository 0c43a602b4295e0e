/**
 * The checkout process: idempotency, totals, stock reservation, payment and order
 * creation.
 */
@NullMarked
package io.emporium.checkout;

import org.jspecify.annotations.NullMarked;
