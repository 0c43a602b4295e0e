/**
 * The orders HTTP API for shoppers ({@code /api/v1/orders}, {@code /api/v1/me}) and
 * admins.
 */
@NullMarked
package io.emporium.orders.web;

import org.jspecify.annotations.NullMarked;
