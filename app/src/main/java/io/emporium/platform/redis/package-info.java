/**
 * The Redis client every module shares in distributed mode (carts, rate-limit buckets,
 * the shared cache tier).
 */
@NullMarked
package io.emporium.platform.redis;

import org.jspecify.annotations.NullMarked;
