/** The in-memory adapter of the {@link io.emporium.platform.RateLimiter} port. */
@NullMarked
package io.emporium.platform.ratelimit;

import org.jspecify.annotations.NullMarked;
