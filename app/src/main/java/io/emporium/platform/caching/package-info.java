/**
 * The cache tiers behind Spring's cache abstraction: Caffeine on every node, Redis shared
 * by the nodes of a distributed store.
 */
@NullMarked
package io.emporium.platform.caching;

import org.jspecify.annotations.NullMarked;
