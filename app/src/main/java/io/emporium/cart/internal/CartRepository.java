package io.emporium.cart.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.emporium.cart.CheckoutClaim;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Carts and their items in the relational store. Quantity changes are single conditional
 * statements.
 */
@Repository
class CartRepository {

	private final JdbcClient jdbc;

	CartRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String id, @Nullable UUID customerId, Instant at) {
		this.jdbc.sql("""
				insert into cart_cart (id, customer_id, status, created_at, updated_at)
				values (:id, :customer, 'ACTIVE', :at, :at)""")
			.param("id", id)
			.param("customer", customerId)
			.param("at", Timestamp.from(at))
			.update();
	}

	Optional<Cart> find(String id) {
		return this.jdbc.sql("select id, customer_id, status from cart_cart where id = :id")
			.param("id", id)
			.query((rs, row) -> new Cart(rs.getString("id"), rs.getObject("customer_id", UUID.class),
					Cart.Status.valueOf(rs.getString("status")), List.of()))
			.optional()
			.map(cart -> cart.withItems(items(cart.id())));
	}

	Optional<String> activeCartOf(UUID customerId) {
		return this.jdbc.sql("""
				select id from cart_cart where customer_id = :customer and status = 'ACTIVE'
				order by updated_at desc, id fetch first 1 rows only""")
			.param("customer", customerId)
			.query(String.class)
			.optional();
	}

	private List<Cart.Item> items(String cartId) {
		return this.jdbc.sql("select id, sku, quantity from cart_item where cart_id = :cart order by added_at, sku")
			.param("cart", cartId)
			.query((rs, row) -> new Cart.Item(rs.getObject("id", UUID.class), rs.getString("sku"),
					rs.getInt("quantity")))
			.list();
	}

	/**
	 * Adds to the line of this SKU, creating it if needed; safe when two adds race, and a
	 * lost race is a row count, not an exception that would abort a PostgreSQL
	 * transaction.
	 */
	void addQuantity(String cartId, String sku, int quantity, Instant at) {
		if (incrementLine(cartId, sku, quantity) > 0) {
			return;
		}
		int inserted = this.jdbc.sql("""
				insert into cart_item (id, cart_id, sku, quantity, added_at)
				values (:id, :cart, :sku, :quantity, :at)
				on conflict do nothing""")
			.param("id", UUID.randomUUID())
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

	int setQuantity(String cartId, UUID itemId, int quantity) {
		return this.jdbc.sql("update cart_item set quantity = :q where cart_id = :cart and id = :item")
			.param("q", quantity)
			.param("cart", cartId)
			.param("item", itemId)
			.update();
	}

	int removeItem(String cartId, UUID itemId) {
		return this.jdbc.sql("delete from cart_item where cart_id = :cart and id = :item")
			.param("cart", cartId)
			.param("item", itemId)
			.update();
	}

	/**
	 * Locks an open cart's row for the rest of the transaction, so that changes of one
	 * cart (and its checkout claim) happen one after the other and limits checked after
	 * it hold; false when the cart is not open.
	 */
	boolean lockOpen(String cartId, Instant at) {
		return this.jdbc.sql("update cart_cart set updated_at = :at where id = :id and status = 'ACTIVE'")
			.param("at", Timestamp.from(at))
			.param("id", cartId)
			.update() == 1;
	}

	/**
	 * Claims a non-empty cart for checkout: an open one, or one an older claim of the
	 * same key holds (a takeover after that attempt went stale).
	 */
	boolean claim(String cartId, CheckoutClaim claim, Instant at) {
		return this.jdbc.sql("""
				update cart_cart set status = 'CHECKING_OUT', checkout_key = :key, checkout_fence = :fence,
					updated_at = :at
				where id = :id
					and (status = 'ACTIVE'
						or (status = 'CHECKING_OUT' and checkout_key = :key and checkout_fence < :fence))""")
			.param("key", claim.key())
			.param("fence", claim.fence())
			.param("at", Timestamp.from(at))
			.param("id", cartId)
			.update() == 1;
	}

	/** Opens a claimed cart again if this claim, or an older one of its key, holds it. */
	boolean release(String cartId, CheckoutClaim claim, Instant at) {
		return this.jdbc.sql("""
				update cart_cart set status = 'ACTIVE', checkout_key = null, checkout_fence = null, updated_at = :at
				where id = :id and status = 'CHECKING_OUT' and checkout_key = :key and checkout_fence <= :fence""")
			.param("at", Timestamp.from(at))
			.param("id", cartId)
			.param("key", claim.key())
			.param("fence", claim.fence())
			.update() == 1;
	}

	/** Closes a cart this very claim holds; false when the claim was taken over. */
	boolean checkedOut(String cartId, CheckoutClaim claim, UUID orderId, Instant at) {
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

	int assign(String cartId, UUID customerId, Instant at) {
		return this.jdbc.sql("""
				update cart_cart set customer_id = :customer, updated_at = :at
				where id = :id and customer_id is null and status = 'ACTIVE'""")
			.param("customer", customerId)
			.param("at", Timestamp.from(at))
			.param("id", cartId)
			.update();
	}

	/**
	 * Moves an ACTIVE cart to another status; zero rows means someone else closed it
	 * first.
	 */
	int close(String cartId, Cart.Status status, @Nullable UUID orderId, Instant at) {
		return this.jdbc.sql("""
				update cart_cart set status = :status, order_id = :order, updated_at = :at
				where id = :id and status = 'ACTIVE'""")
			.param("status", status.name())
			.param("order", orderId)
			.param("at", Timestamp.from(at))
			.param("id", cartId)
			.update();
	}

}
