/**
 * Shared infrastructure only: money, problem types, errors, jobs, roles and security
 * wiring.
 */
@NullMarked
package io.emporium.platform;

import org.jspecify.annotations.NullMarked;
