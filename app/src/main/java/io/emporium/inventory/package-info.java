/**
 * Warehouses, stock levels per SKU and warehouse, and reservations that expire unless
 * paid.
 */
@NullMarked
package io.emporium.inventory;

import org.jspecify.annotations.NullMarked;
