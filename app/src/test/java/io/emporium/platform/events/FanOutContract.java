package io.emporium.platform.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.emporium.catalog.PriceChanged;
import io.emporium.catalog.ProductChanged;
import io.emporium.inventory.ReservationId;
import io.emporium.inventory.StockLine;
import io.emporium.inventory.StockReserved;
import io.emporium.platform.Broadcast;
import io.emporium.platform.FanOut;
import io.emporium.platform.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * What every adapter of the fan-out port must do: the publishing node hears each module
 * event as a {@link Broadcast} of an equal record, in the order published.
 */
abstract class FanOutContract {

	/** What the node made by {@link #node} heard. */
	final List<Object> heard = new CopyOnWriteArrayList<>();

	/** A node of one store whose broadcasts land in {@link #heard}. */
	abstract FanOut node();

	@Test
	void thePublishingNodeHearsTheEventAsABroadcast() {
		FanOut fanOut = node();
		ProductChanged changed = new ProductChanged(UUID.randomUUID(), "the-long-night");

		fanOut.publish(changed);

		await().untilAsserted(() -> assertThat(this.heard).containsExactly(new Broadcast<>(changed)));
	}

	@Test
	void recordsArriveWithEveryValueIntact() {
		FanOut fanOut = node();
		StockReserved reserved = new StockReserved(ReservationId.random(),
				List.of(new StockLine("SKU-1", 2), new StockLine("SKU-2", 1)), Instant.parse("2026-12-01T10:15:30Z"));
		PriceChanged repriced = new PriceChanged("SKU-1", "the-long-night", Money.of(1299, "EUR"),
				Money.of(999, "EUR"));

		fanOut.publish(reserved);
		fanOut.publish(repriced);

		await().untilAsserted(
				() -> assertThat(this.heard).containsExactly(new Broadcast<>(reserved), new Broadcast<>(repriced)));
	}

	@Test
	void eventsArriveInTheOrderTheyWerePublished() {
		FanOut fanOut = node();
		List<Broadcast<ProductChanged>> published = new ArrayList<>();

		IntStream.range(0, 50).forEach(i -> {
			ProductChanged changed = new ProductChanged(UUID.randomUUID(), "book-" + i);
			fanOut.publish(changed);
			published.add(new Broadcast<>(changed));
		});

		await().untilAsserted(() -> assertThat(this.heard).containsExactlyElementsOf(published));
	}

	@Test
	void refusesWhatIsNotAModuleEvent() {
		FanOut fanOut = node();

		assertThatIllegalArgumentException().isThrownBy(() -> fanOut.publish("a string"));
		assertThatIllegalArgumentException().isThrownBy(() -> fanOut.publish(Money.of(1, "EUR")));
	}

}
