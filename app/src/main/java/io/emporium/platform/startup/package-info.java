/**
 * Start-up safety for many nodes on one store: the start-up lock's adapters, the check of
 * a distributed node's settings and the one-line reports of what stops a node.
 */
@NullMarked
package io.emporium.platform.startup;

import org.jspecify.annotations.NullMarked;
