package io.emporium.platform;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Start-up lock of the embedded mode: an H2 file admits a single process, so there is no
 * other node to wait for, only this node's own threads to keep apart.
 */
final class InProcessStartupLock implements StartupLock {

	private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

	@Override
	public <T extends @Nullable Object> T callLocked(String name, Supplier<T> work) {
		ReentrantLock lock = this.locks.computeIfAbsent(name, (key) -> new ReentrantLock());
		lock.lock();
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}

}
