package io.emporium.platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real threads: a burst of tasks runs a few at a time, and handing one over never waits.
 */
class BoundedVirtualThreadsTests {

	@Test
	void runsAtMostTheLimitAtOnceWithoutMakingTheSubmitterWait() throws Exception {
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		CountDownLatch release = new CountDownLatch(1);
		try (BoundedVirtualThreads threads = new BoundedVirtualThreads("test-", 3, 1000)) {
			for (int i = 0; i < 50; i++) {
				threads.execute(() -> {
					most.accumulateAndGet(running.incrementAndGet(), Math::max);
					try {
						release.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					running.decrementAndGet();
					done.incrementAndGet();
				});
			}
			// All 50 were handed over while the first three still block.
			await().untilAsserted(() -> assertThat(running).hasValue(3));
			assertThat(done).hasValue(0);
			release.countDown();
			await().untilAsserted(() -> assertThat(done).hasValue(50));
		}
		assertThat(most).hasValue(3);
	}

	@Test
	void closingLetsTheRunningFinishAndDropsTheWaiting() throws Exception {
		List<Integer> ran = new CopyOnWriteArrayList<>();
		CountDownLatch started = new CountDownLatch(1);
		BoundedVirtualThreads threads = new BoundedVirtualThreads("test-", 1, 5000);
		threads.execute(() -> {
			started.countDown();
			sleep(200);
			ran.add(0);
		});
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		for (int i = 1; i <= 5; i++) {
			int n = i;
			threads.execute(() -> ran.add(n));
		}

		threads.close();

		assertThat(ran).containsExactly(0);
		sleep(100);
		assertThat(ran).containsExactly(0);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
