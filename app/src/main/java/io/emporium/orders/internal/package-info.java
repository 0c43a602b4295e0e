/** How orders are stored, guarded and changed; reached only through the module API. */
@NullMarked
package io.emporium.orders.internal;

import org.jspecify.annotations.NullMarked;
