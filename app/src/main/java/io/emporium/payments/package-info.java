/**
 * Payment gateways behind one port, the payments made through them, their tokens and
 * outcomes.
 */
@NullMarked
package io.emporium.payments;

import org.jspecify.annotations.NullMarked;
