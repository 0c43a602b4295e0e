/**
 * How events leave a node: the fan-out to every node of the store (in-process or on
 * RabbitMQ), the externalization of domain events to RabbitMQ, and the periodic
 * resubmission of event publications whose listener failed.
 */
@NullMarked
package io.emporium.platform.events;

import org.jspecify.annotations.NullMarked;
