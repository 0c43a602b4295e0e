package io.emporium.cart.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.emporium.cart.CheckoutClaim;
import io.emporium.platform.RedisNamespace;
import io.emporium.platform.ServiceUnavailableException;
import io.lettuce.core.RedisCommandExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Carts in Redis (distributed mode): one hash per cart with a TTL refreshed on every
 * change, and a key from each customer to their open cart. Every change that reads before
 * it writes is one Lua script, so limits and the checkout claim hold across nodes. A cart
 * cannot join the order's transaction: it is closed after the commit, and again by
 * {@link PendingCartCloses} until that succeeded.
 */
@Repository
@ConditionalOnProperty(name = "emporium.cart.store", havingValue = "redis")
class RedisCartStore implements CartStore {

	private static final Logger log = LoggerFactory.getLogger(RedisCartStore.class);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private final StringRedisTemplate redis;

	private final CartProperties properties;

	private final RedisNamespace namespace;

	private final ApplicationEventPublisher events;

	RedisCartStore(StringRedisTemplate redis, CartProperties properties, RedisNamespace namespace,
			ApplicationEventPublisher events) {
		this.redis = redis;
		this.properties = properties;
		this.namespace = namespace;
		this.events = events;
	}

	@Override
	public void create(String id, @Nullable UUID customerId, Instant at) {
		run(RedisCartScripts.CREATE, List.of(cartKey(id)), id, at, (customerId != null) ? customerId.toString() : "");
	}

	@Override
	public Optional<Cart> find(String id) {
		Map<Object, Object> hash = available(() -> this.redis.opsForHash().entries(cartKey(id)));
		if (hash.isEmpty()) {
			return Optional.empty();
		}
		List<Line> lines = new ArrayList<>();
		hash.forEach((field, value) -> {
			if (field.toString().startsWith(RedisCartScripts.LINE)) {
				lines.add(Line.of(field.toString().substring(RedisCartScripts.LINE.length()), value.toString()));
			}
		});
		lines.sort(Comparator.comparingLong(Line::addedAt).thenComparing(Line::sku));
		String customer = (String) hash.get("customer");
		String key = (String) hash.get("key");
		String order = (String) hash.get("order");
		return Optional.of(new Cart(id, (customer != null) ? UUID.fromString(customer) : null,
				Cart.Status.valueOf((String) hash.get("status")),
				(key != null) ? new CheckoutClaim(key, Long.parseLong((String) hash.get("fence"))) : null,
				(order != null) ? UUID.fromString(order) : null,
				lines.stream().map(line -> new Cart.Item(line.id(), line.sku(), line.quantity())).toList()));
	}

	@Override
	public Optional<String> openCartOf(UUID customerId) {
		return Optional.ofNullable(available(() -> this.redis.execute(RedisCartScripts.OPEN_CART_OF,
				List.of(indexKey(customerId.toString())), this.namespace.key(RedisCartScripts.CART))));
	}

	@Override
	public Change add(String cartId, String sku, int quantity, int inStock, UUID newItemId, Instant at) {
		return change(RedisCartScripts.ADD, List.of(cartKey(cartId)), cartId, at, sku, quantity, inStock, newItemId,
				this.properties.maxQuantity(), this.properties.maxLines());
	}

	@Override
	public Change set(String cartId, UUID itemId, int quantity, int inStock, Instant at) {
		return change(RedisCartScripts.SET, List.of(cartKey(cartId)), cartId, at, itemId, quantity, inStock,
				this.properties.maxQuantity());
	}

	@Override
	public Change remove(String cartId, UUID itemId, Instant at) {
		return change(RedisCartScripts.REMOVE, List.of(cartKey(cartId)), cartId, at, itemId);
	}

	@Override
	public boolean assign(String cartId, UUID customerId, Instant at) {
		return run(RedisCartScripts.ASSIGN, List.of(cartKey(cartId)), cartId, at, customerId) == 1;
	}

	@Override
	public boolean merge(String guestId, String targetId, Instant at) {
		return run(RedisCartScripts.MERGE, List.of(cartKey(guestId), cartKey(targetId)), guestId, at, targetId,
				this.properties.maxQuantity(), this.properties.maxLines()) == 1;
	}

	@Override
	public boolean joinsTransactions() {
		return false;
	}

	@Override
	public boolean claim(String cartId, CheckoutClaim claim, Instant at) {
		return run(RedisCartScripts.CLAIM, List.of(cartKey(cartId)), cartId, at, claim.key(), claim.fence()) == 1;
	}

	@Override
	public boolean release(String cartId, CheckoutClaim claim, Instant at) {
		return run(RedisCartScripts.RELEASE, List.of(cartKey(cartId)), cartId, at, claim.key(), claim.fence()) == 1;
	}

	/**
	 * In a transaction: checks that this claim holds the cart, records the close in the
	 * transaction (as {@link CartCloseDue}) and closes the cart once it committed; a
	 * rolled back order leaves the cart claimed for the caller to release. Outside one,
	 * closes at once.
	 */
	@Override
	public boolean checkedOut(String cartId, CheckoutClaim claim, UUID orderId, Instant at) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return close(cartId, claim, orderId, at) == Closed.NOW;
		}
		Optional<Cart> cart = find(cartId);
		if (cart.isEmpty() || cart.get().status() != Cart.Status.CHECKING_OUT || !claim.equals(cart.get().checkout())) {
			return false;
		}
		this.events.publishEvent(new CartCloseDue(cartId, claim.key(), claim.fence(), orderId));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				closeAfterCommit(cartId, claim, orderId, at);
			}
		});
		return true;
	}

	/**
	 * Closes a cart this claim holds for this order; harmless to repeat, and harmless
	 * after the claim was given up (it then does nothing).
	 */
	Closed close(String cartId, CheckoutClaim claim, UUID orderId, Instant at) {
		return switch ((int) run(RedisCartScripts.CHECKED_OUT, List.of(cartKey(cartId)), cartId, at, claim.key(),
				claim.fence(), orderId)) {
			case 1 -> Closed.NOW;
			case 2 -> Closed.BEFORE;
			default -> Closed.NOT_HELD;
		};
	}

	enum Closed {

		NOW, BEFORE, NOT_HELD

	}

	/**
	 * The order is committed whatever happens here: a failure only delays the close to
	 * the retried {@link CartCloseDue}, so it must not reach the request that placed the
	 * order.
	 */
	private void closeAfterCommit(String cartId, CheckoutClaim claim, UUID orderId, Instant at) {
		try {
			close(cartId, claim, orderId, at);
		}
		catch (RuntimeException ex) {
			log.atWarn()
				.setMessage("could not close a checked-out cart; it is closed when the store answers again")
				.addKeyValue("cartId", cartId)
				.addKeyValue("orderId", orderId)
				.addKeyValue("error", ex.toString())
				.log();
		}
	}

	private Change change(RedisScript<String> script, List<String> keys, String cartId, Instant at, Object... args) {
		String answer = available(() -> this.redis.execute(script, keys, arguments(cartId, at, args)));
		return Change.valueOf(answer);
	}

	private long run(RedisScript<Long> script, List<String> keys, String cartId, Instant at, Object... args) {
		Long answer = available(() -> this.redis.execute(script, keys, arguments(cartId, at, args)));
		return answer;
	}

	/**
	 * Every script's first arguments: the cart's id, the time, where the customer index
	 * lives, and the two TTLs.
	 */
	private Object[] arguments(String cartId, Instant at, Object... args) {
		List<String> all = new ArrayList<>(List.of(cartId, Long.toString(at.toEpochMilli()),
				this.namespace.key(RedisCartScripts.INDEX), Long.toString(this.properties.ttl().customer().toMillis()),
				Long.toString(this.properties.ttl().guest().toMillis())));
		for (Object arg : args) {
			all.add(arg.toString());
		}
		return all.toArray();
	}

	private String cartKey(String id) {
		return this.namespace.key(RedisCartScripts.CART + id);
	}

	private String indexKey(String customerId) {
		return this.namespace.key(RedisCartScripts.INDEX + customerId);
	}

	/**
	 * Runs a Redis call; a Redis that does not answer (refused, timed out, connection
	 * lost) becomes a 503 with Retry-After. A command Redis refused is a bug and stays
	 * one.
	 */
	private <T> T available(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RedisConnectionFailureException | QueryTimeoutException ex) {
			throw unavailable(ex);
		}
		catch (RedisSystemException ex) {
			if (ex.getCause() instanceof RedisCommandExecutionException) {
				throw ex;
			}
			throw unavailable(ex);
		}
	}

	private static ServiceUnavailableException unavailable(RuntimeException ex) {
		log.atWarn().setMessage("cart store unavailable").addKeyValue("error", ex.toString()).log();
		return new ServiceUnavailableException("cart-store-unavailable",
				"Carts are unavailable for a moment; nothing was changed. Please try again shortly.", RETRY_AFTER, ex);
	}

	/**
	 * One line as the hash keeps it: {@code line:<sku>} = {@code quantity|addedAt|id}.
	 */
	private record Line(String sku, int quantity, long addedAt, UUID id) {

		static Line of(String sku, String value) {
			String[] parts = value.split("\\|", 3);
			return new Line(sku, Integer.parseInt(parts[0]), Long.parseLong(parts[1]), UUID.fromString(parts[2]));
		}

	}

}
