/**
 * Observability wiring beyond Spring Boot's own: gauges over the event publication
 * registry, cache meters, and the trace id on every response.
 */
@NullMarked
package io.emporium.platform.observability;

import org.jspecify.annotations.NullMarked;
