/**
 * Warehouses, stock levels per SKU and warehouse, reservations that expire unless paid,
 * and the return of stock when an order is cancelled or refunded before it ships.
 */
@NullMarked
package io.emporium.inventory;

import org.jspecify.annotations.NullMarked;
