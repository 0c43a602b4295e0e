/**
 * How the store's transactions use the connection pool.
 */
@NullMarked
package io.emporium.platform.jdbc;

import org.jspecify.annotations.NullMarked;
