/** Products, variants (SKUs), categories, attributes, prices and media of the store. */
@NullMarked
package io.emporium.catalog;

import org.jspecify.annotations.NullMarked;
