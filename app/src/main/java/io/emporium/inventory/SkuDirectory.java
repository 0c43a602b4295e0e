package io.emporium.inventory;

/**
 * Tells inventory which SKUs exist, so stock is never set for a product nobody sells. The
 * catalog implements it; inventory itself knows nothing about products.
 */
public interface SkuDirectory {

	boolean exists(String sku);

}
