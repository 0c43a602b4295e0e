package io.emporium.platform;

import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A virtual thread per task, of which at most {@code limit} run at once; the others wait
 * their turn parked, in the order they came, so whoever hands a task over never waits. A
 * new thread per task also inherits the submitter's inheritable thread locals, as the
 * default executor with virtual threads does. Closing lets the running tasks finish (for
 * at most the given time) and drops those still waiting.
 */
public final class BoundedVirtualThreads implements Executor, AutoCloseable {

	private final Semaphore turns;

	private final int limit;

	private final ThreadFactory threads;

	private final long closeMillis;

	private volatile boolean closed;

	public BoundedVirtualThreads(String name, int limit, long closeMillis) {
		if (limit < 1) {
			throw new IllegalArgumentException("at least one task must be able to run");
		}
		this.turns = new Semaphore(limit, true);
		this.limit = limit;
		this.threads = Thread.ofVirtual().name(name, 0).factory();
		this.closeMillis = closeMillis;
	}

	@Override
	public void execute(Runnable task) {
		this.threads.newThread(() -> run(task)).start();
	}

	private void run(Runnable task) {
		this.turns.acquireUninterruptibly();
		try {
			if (!this.closed) {
				task.run();
			}
		}
		finally {
			this.turns.release();
		}
	}

	@Override
	public void close() {
		this.closed = true;
		try {
			if (this.turns.tryAcquire(this.limit, this.closeMillis, TimeUnit.MILLISECONDS)) {
				this.turns.release(this.limit);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
