package io.emporium.checkout.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.emporium.cart.CartSnapshot;
import io.emporium.cart.Carts;
import io.emporium.catalog.Catalog;
import io.emporium.catalog.VariantView;
import io.emporium.checkout.CheckoutCompleted;
import io.emporium.checkout.CheckoutFailed;
import io.emporium.inventory.Inventory;
import io.emporium.inventory.ReservationId;
import io.emporium.inventory.StockLine;
import io.emporium.orders.OrderLine;
import io.emporium.orders.Orders;
import io.emporium.orders.PlaceOrder;
import io.emporium.orders.PlacedOrder;
import io.emporium.payments.Authorization;
import io.emporium.payments.PaymentRequest;
import io.emporium.payments.PaymentUnavailableException;
import io.emporium.payments.Payments;
import io.emporium.platform.Caller;
import io.emporium.platform.InvalidRequestException;
import io.emporium.platform.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Turns a cart into a paid order: claim the Idempotency-Key, price the cart, hold the
 * stock (conditional updates in inventory), charge (outside any transaction), then record
 * the order, confirm the hold, close the cart and store the response in one transaction.
 * A failure after the hold gives the stock back; a decided outcome (created, sold out,
 * declined) is replayed for the same key and body.
 */
@Service
public class CheckoutService {

	private static final Logger log = LoggerFactory.getLogger(CheckoutService.class);

	private final IdempotencyKeys keys;

	private final Carts carts;

	private final Catalog catalog;

	private final Inventory inventory;

	private final Payments payments;

	private final Orders orders;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	CheckoutService(IdempotencyKeys keys, Carts carts, Catalog catalog, Inventory inventory, Payments payments,
			Orders orders, TransactionTemplate transactions, ApplicationEventPublisher events, JsonMapper json,
			Clock clock) {
		this.keys = keys;
		this.carts = carts;
		this.catalog = catalog;
		this.inventory = inventory;
		this.payments = payments;
		this.orders = orders;
		this.transactions = transactions;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	public CheckoutOutcome checkout(String key, CheckoutCommand command, Caller caller) {
		Optional<CheckoutOutcome> earlier = this.keys.claim(key, hash(command, caller));
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			return process(key, command, caller);
		}
		catch (PaymentUnavailableException ex) {
			this.keys.forget(key);
			throw ex;
		}
		catch (ErrorResponseException ex) {
			CheckoutOutcome outcome = new CheckoutOutcome(ex.getStatusCode().value(),
					this.json.writeValueAsString(ex.getBody()), false);
			this.transactions.executeWithoutResult(status -> {
				this.keys.complete(key, outcome);
				String reason = String.valueOf(ex.getBody().getType()).replaceAll(".*/", "");
				this.events.publishEvent(new CheckoutFailed(command.cartId(), reason, this.clock.instant()));
			});
			return outcome;
		}
		catch (RuntimeException ex) {
			this.keys.forget(key);
			throw ex;
		}
	}

	private CheckoutOutcome process(String key, CheckoutCommand command, Caller caller) {
		CartSnapshot cart = this.carts.forCheckout(command.cartId(), caller);
		List<OrderLine> lines = price(cart);
		Money total = lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow();
		ReservationId reservation = this.inventory
			.reserve(cart.lines().stream().map(line -> new StockLine(line.sku(), line.quantity())).toList());
		Authorization payment;
		try {
			payment = this.payments.authorize(new PaymentRequest(key, command.paymentToken(), total, cart.id()));
		}
		catch (RuntimeException ex) {
			this.inventory.release(reservation);
			throw ex;
		}
		try {
			return this.transactions.execute(status -> {
				PlacedOrder order = this.orders.placePaid(new PlaceOrder(caller.customerId(), command.email(),
						command.shippingAddress(), lines, total, payment.paymentId()));
				this.inventory.confirm(reservation, order.orderId());
				this.carts.checkedOut(cart.id(), order.orderId());
				this.events
					.publishEvent(new CheckoutCompleted(cart.id(), order.orderId(), total, this.clock.instant()));
				CheckoutOutcome outcome = new CheckoutOutcome(
						HttpStatus.CREATED.value(), this.json.writeValueAsString(Map.of("orderId", order.orderId(),
								"orderToken", order.orderToken(), "status", order.status(), "total", order.total())),
						false);
				this.keys.complete(key, outcome);
				return outcome;
			});
		}
		catch (RuntimeException ex) {
			// The charge went through but no order exists: give the stock back and leave
			// a trace for
			// reconciliation (refunds arrive with the payments work).
			log.atError()
				.setMessage("order not recorded after payment")
				.addKeyValue("paymentId", payment.paymentId())
				.addKeyValue("cartId", cart.id())
				.setCause(ex)
				.log();
			this.inventory.release(reservation);
			throw ex;
		}
	}

	private List<OrderLine> price(CartSnapshot cart) {
		Map<String, VariantView> variants = this.catalog
			.variants(cart.lines().stream().map(CartSnapshot.Line::sku).toList());
		return cart.lines().stream().map(line -> {
			VariantView variant = variants.get(line.sku());
			if (variant == null) {
				throw new InvalidRequestException("unknown-sku",
						"The cart holds an item no longer sold: " + line.sku());
			}
			return new OrderLine(line.sku(), variant.lineTitle(), line.quantity(), variant.price());
		}).toList();
	}

	private String hash(CheckoutCommand command, Caller caller) {
		String canonical = this.json.writeValueAsString(command) + "|" + caller.customerId();
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
