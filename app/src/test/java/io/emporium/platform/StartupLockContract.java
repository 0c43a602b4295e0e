package io.emporium.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What every start-up lock does, whichever store it guards. */
public abstract class StartupLockContract {

	protected abstract StartupLock lock();

	@Test
	void runsTheWorkAndGivesBackItsResult() {
		assertThat(lock().callLocked("contract-result", () -> 42)).isEqualTo(42);
	}

	@Test
	void letsOneHolderInAtATime() {
		StartupLock lock = lock();
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
			List<CompletableFuture<Void>> runs = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				runs.add(CompletableFuture.runAsync(() -> lock.runLocked("contract-one-at-a-time", () -> {
					most.accumulateAndGet(inside.incrementAndGet(), Math::max);
					Thread.yield();
					inside.decrementAndGet();
				}), threads));
			}
			runs.forEach(CompletableFuture::join);
		}

		assertThat(most).hasValue(1);
	}

	@Test
	void isFreeAgainAfterTheWorkFailed() {
		StartupLock lock = lock();

		assertThatIllegalStateException().isThrownBy(() -> lock.runLocked("contract-failure", () -> {
			throw new IllegalStateException("seeding failed");
		}));

		assertThat(lock.callLocked("contract-failure", () -> "next")).isEqualTo("next");
	}

	@Test
	void differentNamesDoNotWaitForEachOther() {
		StartupLock lock = lock();

		String nested = lock.callLocked("contract-outer", () -> lock.callLocked("contract-inner", () -> "both"));

		assertThat(nested).isEqualTo("both");
	}

}
