/** Customers and admins, passwords, signed tokens (JWT) and the keys that sign them. */
@NullMarked
package io.emporium.identity;

import org.jspecify.annotations.NullMarked;
