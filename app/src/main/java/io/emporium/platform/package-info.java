/**
 * Shared infrastructure only: money, problem types, errors, jobs, roles, rate limits and
 * security wiring.
 */
@NullMarked
package io.emporium.platform;

import org.jspecify.annotations.NullMarked;
