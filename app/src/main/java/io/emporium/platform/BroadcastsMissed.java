package io.emporium.platform;

import java.time.Instant;

/**
 * A local event: this node's fan-out queue was lost with its connection and is consumed
 * again since {@code at}; broadcasts sent in between never reached it. Whatever a module
 * keeps up to date from broadcasts (its copies of cached entries) must be forgotten.
 */
public record BroadcastsMissed(Instant at) {
}
