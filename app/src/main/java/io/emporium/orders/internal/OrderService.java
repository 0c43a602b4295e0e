package io.emporium.orders.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.emporium.orders.OrderStatus;
import io.emporium.orders.Orders;
import io.emporium.orders.PlaceOrder;
import io.emporium.orders.PlacedOrder;
import io.emporium.platform.Caller;
import io.emporium.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places orders, moves them through their life cycle and answers who may read them. Every
 * status change writes the new status, its history row and its event in one transaction,
 * and only one of two concurrent changes can succeed.
 */
@Service
public class OrderService implements Orders {

	private static final Logger log = LoggerFactory.getLogger(OrderService.class);

	/**
	 * How often a write is tried again after a concurrent history note moved the version
	 * on.
	 */
	private static final int ATTEMPTS = 5;

	private final OrderRepository repository;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrderService(OrderRepository repository, ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public PlacedOrder placePaid(PlaceOrder command) {
		Instant now = now();
		OrderToken token = OrderToken.random();
		Order placed = Order.place(UUID.randomUUID(), this.repository.nextNumber(), command, now);
		// Both steps of the new order's history, written as one row that is already paid.
		Order paid = placed.transitionTo(OrderStatus.PAID, now);
		this.repository.insert(paid, token.hash());
		String placedBy = (placed.customerId() != null) ? "customer:" + placed.customerId() : "guest";
		this.repository.append(placed.id(),
				new HistoryEntry(placed.version(), null, placed.status(), placedBy, null, placed.updatedAt()));
		this.repository.append(paid.id(),
				new HistoryEntry(paid.version(), placed.status(), paid.status(), "system", null, paid.updatedAt()));
		this.events.publishEvent(placed.announcement(null));
		this.events.publishEvent(paid.announcement(placed.status()));
		log.atInfo().setMessage("order placed").addKeyValue("orderId", paid.id()).log();
		return new PlacedOrder(paid.id(), token.value(), paid.status(), paid.total());
	}

	/**
	 * Other modules' steps (stock returned, money given back) may land at the same
	 * moment, so a lost race on the version is retried against the fresh order.
	 */
	@Override
	@Transactional
	public void note(UUID orderId, String actor, String note) {
		Order current = this.repository.find(orderId).orElseThrow(() -> notFound(orderId));
		step(current, null, actor, note, now());
	}

	/**
	 * Moves the order to {@code to} on behalf of {@code actor} (such as
	 * {@code admin:<id>}); refuses what the life cycle forbids and what a concurrent
	 * change has made stale.
	 */
	@Transactional
	public OrderDetails transition(UUID orderId, OrderStatus to, String actor, @Nullable String note) {
		Order current = this.repository.find(orderId).orElseThrow(() -> notFound(orderId));
		Order changed = step(current, to, actor, note, now());
		log.atInfo()
			.setMessage("order status changed")
			.addKeyValue("orderId", orderId)
			.addKeyValue("from", current.status())
			.addKeyValue("to", to)
			.log();
		return new OrderDetails(changed, this.repository.history(orderId));
	}

	/**
	 * The order if the caller may read it: its customer, an admin, or whoever holds its
	 * token. Anyone else is told it does not exist, so ids cannot be probed.
	 */
	@Transactional(readOnly = true)
	public OrderDetails read(UUID orderId, Caller caller, @Nullable String token) {
		Order order = this.repository.find(orderId).orElseThrow(() -> notFound(orderId));
		if (!caller.admin() && !caller.isCustomer(order.customerId()) && !holdsToken(orderId, token)) {
			throw notFound(orderId);
		}
		return new OrderDetails(order, this.repository.history(orderId));
	}

	@Transactional(readOnly = true)
	public ResultPage<OrderSummary> ofCustomer(UUID customerId, int page, int size) {
		return this.repository.ofCustomer(customerId, page, size);
	}

	@Transactional(readOnly = true)
	public ResultPage<OrderSummary> search(OrderSearch search, int page, int size) {
		return this.repository.search(search, page, size);
	}

	private boolean holdsToken(UUID orderId, @Nullable String token) {
		if (token == null) {
			return false;
		}
		OrderToken presented = new OrderToken(token);
		return this.repository.tokenHash(orderId).map(presented::matches).orElse(false);
	}

	/**
	 * Appends one step to the order's history: a move to {@code to}, or, when it is null,
	 * a note that keeps the status. When another transaction got there first, the step is
	 * made on the fresh order if nothing it depends on moved: always for a note, and for
	 * a move only when the other step was a note (same status, newer version).
	 */
	private Order step(Order current, @Nullable OrderStatus to, String actor, @Nullable String note, Instant at) {
		Order read = current;
		for (int attempt = 1;; attempt++) {
			Order next = (to != null) ? read.transitionTo(to, at) : read.noted(at);
			if (this.repository.changeStatus(read, next)) {
				this.repository.append(next.id(),
						new HistoryEntry(next.version(), read.status(), next.status(), actor, note, at));
				if (to != null) {
					this.events.publishEvent(next.announcement(read.status()));
				}
				return next;
			}
			Order fresh = this.repository.find(read.id()).orElseThrow(() -> notFound(current.id()));
			if ((to != null && fresh.status() != read.status()) || attempt == ATTEMPTS) {
				throw new OrderStateConflictException(current.id(), fresh.status(), (to != null) ? to : fresh.status());
			}
			read = fresh;
		}
	}

	private Instant now() {
		// Both databases keep microseconds; truncating keeps what we return equal to what
		// we read back.
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static NotFoundException notFound(UUID orderId) {
		return new NotFoundException("Order " + orderId);
	}

}
