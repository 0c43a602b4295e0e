package io.emporium.cart.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import io.emporium.cart.CartCheckedOut;
import io.emporium.cart.CartSnapshot;
import io.emporium.cart.Carts;
import io.emporium.cart.CheckoutClaim;
import io.emporium.catalog.Catalog;
import io.emporium.catalog.VariantView;
import io.emporium.inventory.Inventory;
import io.emporium.inventory.SoldOutException;
import io.emporium.platform.Caller;
import io.emporium.platform.ConflictException;
import io.emporium.platform.InvalidRequestException;
import io.emporium.platform.Money;
import io.emporium.platform.NotFoundException;
import io.emporium.platform.UnauthorizedException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guest and customer carts. A guest cart is addressed by an unguessable id; a customer's
 * cart only by its owner. Prices always come fresh from the catalog, never from the cart.
 */
@Service
public class CartService implements Carts {

	private static final SecureRandom random = new SecureRandom();

	private final CartRepository carts;

	private final Catalog catalog;

	private final Inventory inventory;

	private final ApplicationEventPublisher events;

	private final CartProperties properties;

	private final Clock clock;

	CartService(CartRepository carts, Catalog catalog, Inventory inventory, ApplicationEventPublisher events,
			CartProperties properties, Clock clock) {
		this.carts = carts;
		this.catalog = catalog;
		this.inventory = inventory;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * A new cart; a signed-in customer gets their open cart back instead of a second one.
	 */
	@Transactional
	public PricedCart create(Caller caller) {
		if (caller.customerId() != null) {
			var existing = this.carts.activeCartOf(caller.customerId());
			if (existing.isPresent()) {
				return priced(load(existing.get(), caller));
			}
		}
		String id = newId();
		this.carts.insert(id, caller.customerId(), this.clock.instant());
		return priced(load(id, caller));
	}

	@Transactional(readOnly = true)
	public PricedCart get(String id, Caller caller) {
		return priced(load(id, caller));
	}

	@Transactional(readOnly = true)
	public PricedCart mine(Caller caller) {
		UUID customer = signedIn(caller);
		String id = this.carts.activeCartOf(customer).orElseThrow(() -> new NotFoundException("An open cart"));
		return priced(load(id, caller));
	}

	@Transactional
	public PricedCart add(String id, Caller caller, String sku, int quantity) {
		load(id, caller);
		if (!this.catalog.variants(List.of(sku)).containsKey(sku)) {
			throw new InvalidRequestException("unknown-sku", "No product variant has SKU " + sku);
		}
		Cart cart = lockOpen(id, caller);
		int wanted = cart.item(sku).map(Cart.Item::quantity).orElse(0) + quantity;
		if (cart.item(sku).isEmpty() && cart.items().size() >= this.properties.maxLines()) {
			throw new InvalidRequestException("cart-full",
					"A cart holds at most " + this.properties.maxLines() + " different items");
		}
		checkQuantity(sku, wanted);
		this.carts.addQuantity(id, sku, quantity, this.clock.instant());
		return priced(load(id, caller));
	}

	@Transactional
	public PricedCart update(String id, Caller caller, UUID itemId, int quantity) {
		Cart cart = lockOpen(id, caller);
		Cart.Item item = cart.items()
			.stream()
			.filter(line -> line.id().equals(itemId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Cart item " + itemId));
		checkQuantity(item.sku(), quantity);
		this.carts.setQuantity(id, itemId, quantity);
		return priced(load(id, caller));
	}

	@Transactional
	public PricedCart remove(String id, Caller caller, UUID itemId) {
		lockOpen(id, caller);
		if (this.carts.removeItem(id, itemId) == 0) {
			throw new NotFoundException("Cart item " + itemId);
		}
		return priced(load(id, caller));
	}

	/**
	 * Attaches a guest cart to the signed-in caller. If the caller already has an open
	 * cart, the guest cart's lines are merged into it within the cart limits (quantities
	 * capped, lines beyond the limit left out) and the guest cart is closed.
	 */
	@Transactional
	public PricedCart claim(String id, Caller caller) {
		UUID customer = signedIn(caller);
		Cart guest = load(id, caller);
		if (customer.equals(guest.customerId()) && guest.open()) {
			return priced(guest);
		}
		var existing = this.carts.activeCartOf(customer);
		if (existing.isEmpty()) {
			lockOpen(id, caller);
			if (this.carts.assign(id, customer, this.clock.instant()) == 0) {
				throw cartClosed();
			}
			return priced(load(id, caller));
		}
		String target = existing.get();
		// Both rows locked in id order, so two merges of the same carts cannot deadlock.
		for (String cartId : new TreeSet<>(List.of(id, target))) {
			lockOpen(cartId, caller);
		}
		guest = load(id, caller);
		Cart merged = load(target, caller);
		int lines = merged.items().size();
		for (Cart.Item item : guest.items()) {
			int present = merged.item(item.sku()).map(Cart.Item::quantity).orElse(0);
			if (present == 0 && lines >= this.properties.maxLines()) {
				continue;
			}
			int added = Math.min(item.quantity(), this.properties.maxQuantity() - present);
			if (added > 0) {
				this.carts.addQuantity(target, item.sku(), added, this.clock.instant());
				lines += (present == 0) ? 1 : 0;
			}
		}
		if (this.carts.close(id, Cart.Status.MERGED, null, this.clock.instant()) == 0) {
			throw cartClosed();
		}
		return priced(load(target, caller));
	}

	@Override
	@Transactional
	public CartSnapshot claimForCheckout(String cartId, Caller caller, CheckoutClaim claim) {
		load(cartId, caller);
		if (!this.carts.claim(cartId, claim, this.clock.instant())) {
			Cart current = load(cartId, caller);
			throw switch (current.status()) {
				case CHECKED_OUT, MERGED ->
					new InvalidRequestException("cart-closed", "This cart was already checked out");
				case ACTIVE, CHECKING_OUT -> new ConflictException("checkout-in-progress",
						"This cart is being checked out by another request; retry shortly");
			};
		}
		Cart cart = load(cartId, caller);
		if (cart.items().isEmpty()) {
			// Thrown inside the transaction: the claim is rolled back with it.
			throw new InvalidRequestException("cart-empty", "The cart is empty");
		}
		return new CartSnapshot(cart.id(), cart.customerId(),
				cart.items().stream().map(item -> new CartSnapshot.Line(item.sku(), item.quantity())).toList());
	}

	@Override
	@Transactional
	public void checkedOut(String cartId, CheckoutClaim claim, UUID orderId) {
		if (!this.carts.checkedOut(cartId, claim, orderId, this.clock.instant())) {
			throw new ConflictException("checkout-in-progress",
					"The checkout of this cart was taken over by a newer attempt");
		}
		this.events.publishEvent(new CartCheckedOut(cartId, orderId, this.clock.instant()));
	}

	@Override
	@Transactional
	public boolean releaseClaim(String cartId, CheckoutClaim claim) {
		return this.carts.release(cartId, claim, this.clock.instant());
	}

	/**
	 * Loads a cart the caller may change and locks it until the transaction ends.
	 * @throws ConflictException when it is closed or being checked out
	 */
	private Cart lockOpen(String id, Caller caller) {
		load(id, caller);
		if (!this.carts.lockOpen(id, this.clock.instant())) {
			if (load(id, caller).status() == Cart.Status.CHECKING_OUT) {
				throw new ConflictException("checkout-in-progress",
						"This cart is being checked out; it can change again if that checkout fails");
			}
			throw cartClosed();
		}
		return load(id, caller);
	}

	private Cart load(String id, Caller caller) {
		return this.carts.find(id)
			.filter(cart -> cart.visibleTo(caller))
			.orElseThrow(() -> new NotFoundException("Cart " + id));
	}

	private void checkQuantity(String sku, int quantity) {
		if (quantity > this.properties.maxQuantity()) {
			throw new InvalidRequestException("quantity-limit",
					"At most " + this.properties.maxQuantity() + " of one item per cart");
		}
		int available = this.inventory.available(List.of(sku)).getOrDefault(sku, 0);
		if (quantity > available) {
			throw new SoldOutException(sku);
		}
	}

	private PricedCart priced(Cart cart) {
		List<String> skus = cart.items().stream().map(Cart.Item::sku).toList();
		Map<String, VariantView> variants = this.catalog.variants(skus);
		Map<String, Integer> available = this.inventory.available(skus);
		Money total = Money.zero(this.properties.currency());
		int count = 0;
		List<PricedCart.Line> lines = new ArrayList<>();
		for (Cart.Item item : cart.items()) {
			VariantView variant = variants.get(item.sku());
			if (variant == null) {
				continue;
			}
			Money lineTotal = variant.price().times(item.quantity());
			total = lines.isEmpty() ? lineTotal : total.plus(lineTotal);
			count += item.quantity();
			lines.add(new PricedCart.Line(item.id(), item.sku(), variant.productSlug(), variant.lineTitle(),
					item.quantity(), variant.price(), lineTotal, available.getOrDefault(item.sku(), 0)));
		}
		return new PricedCart(cart.id(), cart.customerId(), cart.status().name(), lines, count, total);
	}

	private static UUID signedIn(Caller caller) {
		return caller.customer().orElseThrow(() -> new UnauthorizedException("Sign in to use your own cart."));
	}

	private static ConflictException cartClosed() {
		return new ConflictException("cart-closed", "This cart is closed and can no longer change");
	}

	private static String newId() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
