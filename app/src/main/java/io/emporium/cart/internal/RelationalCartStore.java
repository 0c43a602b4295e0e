package io.emporium.cart.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import io.emporium.cart.CheckoutClaim;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carts and their items in the relational store (embedded mode). A change of lines locks
 * the cart's row first ({@code update ... where status = 'ACTIVE'}), so changes of one
 * cart and its checkout claim happen one after the other and limits checked after it
 * hold; it joins the caller's transaction when there is one.
 */
@Repository
@ConditionalOnProperty(name = "emporium.cart.store", havingValue = "relational", matchIfMissing = true)
class RelationalCartStore implements CartStore {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final CartProperties properties;

	RelationalCartStore(JdbcClient jdbc, PlatformTransactionManager transactionManager, CartProperties properties) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.properties = properties;
	}

	@Override
	public void create(String id, @Nullable UUID customerId, Instant at) {
		this.jdbc.sql("""
				insert into cart_cart (id, customer_id, status, created_at, updated_at)
				values (:id, :customer, 'ACTIVE', :at, :at)""")
			.param("id", id)
			.param("customer", customerId)
			.param("at", Timestamp.from(at))
			.update();
	}

	@Override
	public Optional<Cart> find(String id) {
		return this.jdbc
			.sql("select id, customer_id, status, checkout_key, checkout_fence, order_id from cart_cart where id = :id")
			.param("id", id)
			.query((rs, row) -> {
				String key = rs.getString("checkout_key");
				CheckoutClaim claim = (key != null) ? new CheckoutClaim(key, rs.getLong("checkout_fence")) : null;
				return new Cart(rs.getString("id"), rs.getObject("customer_id", UUID.class),
						Cart.Status.valueOf(rs.getString("status")), claim, rs.getObject("order_id", UUID.class),
						List.of());
			})
			.optional()
			.map(cart -> new Cart(cart.id(), cart.customerId(), cart.status(), cart.checkout(), cart.orderId(),
					items(cart.id())));
	}

	@Override
	public Optional<String> openCartOf(UUID customerId) {
		return this.jdbc.sql("""
				select id from cart_cart where customer_id = :customer and status = 'ACTIVE'
				order by updated_at desc, id fetch first 1 rows only""")
			.param("customer", customerId)
			.query(String.class)
			.optional();
	}

	@Override
	public Change add(String cartId, String sku, int quantity, int inStock, UUID newItemId, Instant at) {
		return inTransaction(() -> {
			if (!lockOpen(cartId, at)) {
				return Change.NOT_OPEN;
			}
			List<Cart.Item> items = items(cartId);
			int present = items.stream().filter(item -> item.sku().equals(sku)).mapToInt(Cart.Item::quantity).sum();
			if (present == 0 && items.size() >= this.properties.maxLines()) {
				return Change.LINE_LIMIT;
			}
			Change refused = refused(present + quantity, inStock);
			if (refused != null) {
				return refused;
			}
			addQuantity(cartId, sku, quantity, newItemId, at);
			return Change.DONE;
		});
	}

	@Override
	public Change set(String cartId, UUID itemId, int quantity, int inStock, Instant at) {
		return inTransaction(() -> {
			if (!lockOpen(cartId, at)) {
				return Change.NOT_OPEN;
			}
			if (items(cartId).stream().noneMatch(item -> item.id().equals(itemId))) {
				return Change.NO_SUCH_LINE;
			}
			Change refused = refused(quantity, inStock);
			if (refused != null) {
				return refused;
			}
			this.jdbc.sql("update cart_item set quantity = :q where cart_id = :cart and id = :item")
				.param("q", quantity)
				.param("cart", cartId)
				.param("item", itemId)
				.update();
			return Change.DONE;
		});
	}

	@Override
	public Change remove(String cartId, UUID itemId, Instant at) {
		return inTransaction(() -> {
			if (!lockOpen(cartId, at)) {
				return Change.NOT_OPEN;
			}
			int removed = this.jdbc.sql("delete from cart_item where cart_id = :cart and id = :item")
				.param("cart", cartId)
				.param("item", itemId)
				.update();
			return (removed == 0) ? Change.NO_SUCH_LINE : Change.DONE;
		});
	}

	@Override
	public boolean assign(String cartId, UUID customerId, Instant at) {
		return this.jdbc.sql("""
				update cart_cart set customer_id = :customer, updated_at = :at
				where id = :id and customer_id is null and status = 'ACTIVE'""")
			.param("customer", customerId)
			.param("at", Timestamp.from(at))
			.param("id", cartId)
			.update() == 1;
	}

	@Override
	public boolean merge(String guestId, String targetId, Instant at) {
		return inTransaction(() -> {
			// Both rows locked in id order, so two merges of the same carts cannot
			// deadlock.
			for (String cartId : new TreeSet<>(List.of(guestId, targetId))) {
				if (!lockOpen(cartId, at)) {
					return false;
				}
			}
			List<Cart.Item> merged = items(targetId);
			int lines = merged.size();
			for (Cart.Item item : items(guestId)) {
				int present = merged.stream()
					.filter(line -> line.sku().equals(item.sku()))
					.mapToInt(Cart.Item::quantity)
					.sum();
				if (present == 0 && lines >= this.properties.maxLines()) {
					continue;
				}
				int added = Math.min(item.quantity(), this.properties.maxQuantity() - present);
				if (added > 0) {
					addQuantity(targetId, item.sku(), added, UUID.randomUUID(), at);
					lines += (present == 0) ? 1 : 0;
				}
			}
			return this.jdbc.sql("""
					update cart_cart set status = 'MERGED', updated_at = :at
					where id = :id and status = 'ACTIVE'""")
				.param("at", Timestamp.from(at))
				.param("id", guestId)
				.update() == 1;
		});
	}

	@Override
	public boolean joinsTransactions() {
		return true;
	}

	@Override
	public boolean claim(String cartId, CheckoutClaim claim, Instant at) {
		return this.jdbc.sql("""
				update cart_cart set status = 'CHECKING_OUT', checkout_key = :key, checkout_fence = :fence,
					updated_at = :at
				where id = :id
					and (status = 'ACTIVE'
						or (status = 'CHECKING_OUT' and checkout_key = :key and checkout_fence < :fence))
					and exists (select 1 from cart_item where cart_item.cart_id = cart_cart.id)""")
			.param("key", claim.key())
			.param("fence", claim.fence())
			.param("at", Timestamp.from(at))
			.param("id", cartId)
			.update() == 1;
	}

	@Override
	public boolean release(String cartId, CheckoutClaim claim, Instant at) {
		return this.jdbc.sql("""
				update cart_cart set status = 'ACTIVE', checkout_key = null, checkout_fence = null, updated_at = :at
				where id = :id and status = 'CHECKING_OUT' and checkout_key = :key and checkout_fence <= :fence""")
			.param("at", Timestamp.from(at))
			.param("id", cartId)
			.param("key", claim.key())
			.param("fence", claim.fence())
			.update() == 1;
	}

	/** Runs in the caller's transaction, so that the cart closes with the order. */
	@Override
	public boolean checkedOut(String cartId, CheckoutClaim claim, UUID orderId, Instant at) {
		return this.jdbc.sql("""
				update cart_cart set status = 'CHECKED_OUT', order_id = :order, updated_at = :at
				where id = :id and status = 'CHECKING_OUT' and checkout_key = :key and checkout_fence = :fence""")
			.param("order", orderId)
			.param("at", Timestamp.from(at))
			.param("id", cartId)
			.param("key", claim.key())
			.param("fence", claim.fence())
			.update() == 1;
	}

	private List<Cart.Item> items(String cartId) {
		return this.jdbc.sql("select id, sku, quantity from cart_item where cart_id = :cart order by added_at, sku")
			.param("cart", cartId)
			.query((rs, row) -> new Cart.Item(rs.getObject("id", UUID.class), rs.getString("sku"),
					rs.getInt("quantity")))
			.list();
	}

	/**
	 * Locks an open cart's row for the rest of the transaction; false when the cart is
	 * not open.
	 */
	private boolean lockOpen(String cartId, Instant at) {
		return this.jdbc.sql("update cart_cart set updated_at = :at where id = :id and status = 'ACTIVE'")
			.param("at", Timestamp.from(at))
			.param("id", cartId)
			.update() == 1;
	}

	/**
	 * Adds to the line of this SKU, creating it if needed; safe when two adds race, and a
	 * lost race is a row count, not an exception that would abort a PostgreSQL
	 * transaction.
	 */
	private void addQuantity(String cartId, String sku, int quantity, UUID newItemId, Instant at) {
		if (incrementLine(cartId, sku, quantity) > 0) {
			return;
		}
		int inserted = this.jdbc.sql("""
				insert into cart_item (id, cart_id, sku, quantity, added_at)
				values (:id, :cart, :sku, :quantity, :at)
				on conflict do nothing""")
			.param("id", newItemId)
			.param("cart", cartId)
			.param("sku", sku)
			.param("quantity", quantity)
			.param("at", Timestamp.from(at))
			.update();
		if (inserted == 0) {
			incrementLine(cartId, sku, quantity);
		}
	}

	private int incrementLine(String cartId, String sku, int quantity) {
		return this.jdbc.sql("update cart_item set quantity = quantity + :q where cart_id = :cart and sku = :sku")
			.param("q", quantity)
			.param("cart", cartId)
			.param("sku", sku)
			.update();
	}

	private @Nullable Change refused(int quantity, int inStock) {
		if (quantity > this.properties.maxQuantity()) {
			return Change.QUANTITY_LIMIT;
		}
		return (quantity > inStock) ? Change.OUT_OF_STOCK : null;
	}

	private <T> T inTransaction(Supplier<T> work) {
		T result = this.transactions.execute(status -> work.get());
		if (result == null) {
			throw new IllegalStateException("a cart change answered nothing");
		}
		return result;
	}

}
