package io.emporium.inventory.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.emporium.inventory.StockCount;
import io.emporium.inventory.StockCounted;
import io.emporium.platform.FanOut;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.AmqpException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock fan-out sends a change once its transaction committed, never one rolled back,
 * and counts what the broker refused instead of failing the commit or trying again. The
 * broker is a fake; sends run on the committing thread here.
 */
class StockFanOutTests {

	private static final StockCounted COUNTED = new StockCounted(List.of(new StockCount("SKU-1", "main", 7)),
			Instant.parse("2026-12-08T10:00:00Z"));

	private final List<Object> sent = new CopyOnWriteArrayList<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void sendsAStockChangeOnceItsTransactionCommitted() {
		StockFanOut fanOut = fanOut(this.sent::add);
		TransactionSynchronizationManager.initSynchronization();

		fanOut.on(COUNTED);
		List<Object> beforeCommit = List.copyOf(this.sent);
		commit();

		assertThat(beforeCommit).isEmpty();
		assertThat(this.sent).containsExactly(COUNTED);
	}

	@Test
	void neverSendsAStockChangeThatWasRolledBack() {
		StockFanOut fanOut = fanOut(this.sent::add);
		TransactionSynchronizationManager.initSynchronization();

		fanOut.on(COUNTED);
		complete(TransactionSynchronization.STATUS_ROLLED_BACK);

		assertThat(this.sent).isEmpty();
	}

	@Test
	void countsAStockChangeTheBrokerRefusedAndLetsTheCommitGoOn() {
		StockFanOut fanOut = fanOut(event -> {
			throw new AmqpException("refused");
		});
		TransactionSynchronizationManager.initSynchronization();

		fanOut.on(COUNTED);
		commit();

		assertThat(this.meters.get("emporium.inventory.fanout.lost").counter().count()).isEqualTo(1);
	}

	private StockFanOut fanOut(FanOut broker) {
		return new StockFanOut(broker, Runnable::run, this.meters);
	}

	private static void commit() {
		List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationUtils.invokeAfterCommit(synchronizations);
		complete(TransactionSynchronization.STATUS_COMMITTED);
	}

	private static void complete(int status) {
		List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, status);
	}

}
