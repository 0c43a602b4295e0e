package io.emporium.platform;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Runs one-time start-up work (migrations, seeding, the first signing key) on one node of
 * a store at a time: a node that arrives while another holds the lock waits for it, then
 * re-checks inside the lock whether the work is still needed. Different names do not
 * block each other; the same name must not be taken again while held.
 */
public interface StartupLock {

	<T extends @Nullable Object> T callLocked(String name, Supplier<T> work);

	default void runLocked(String name, Runnable work) {
		callLocked(name, () -> {
			work.run();
			return null;
		});
	}

	/** The lock for a store only one process can open (embedded mode): a JVM lock. */
	static StartupLock inProcess() {
		return new InProcessStartupLock();
	}

}
