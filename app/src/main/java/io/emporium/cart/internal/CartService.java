package io.emporium.cart.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Map;
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
 * Every change is one atomic step of the {@link CartStore}, which keeps the limits.
 */
@Service
public class CartService implements Carts {

	private static final SecureRandom random = new SecureRandom();

	private final CartStore carts;

	private final Catalog catalog;

	private final Inventory inventory;

	private final ApplicationEventPublisher events;

	private final CartProperties properties;

	private final Clock clock;

	CartService(CartStore carts, Catalog catalog, Inventory inventory, ApplicationEventPublisher events,
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
	public PricedCart create(Caller caller) {
		if (caller.customerId() != null) {
			Optional<String> existing = this.carts.openCartOf(caller.customerId());
			if (existing.isPresent()) {
				return priced(load(existing.get(), caller));
			}
		}
		String id = newId();
		this.carts.create(id, caller.customerId(), this.clock.instant());
		return priced(load(id, caller));
	}

	public PricedCart get(String id, Caller caller) {
		return priced(load(id, caller));
	}

	public PricedCart mine(Caller caller) {
		UUID customer = signedIn(caller);
		String id = this.carts.openCartOf(customer).orElseThrow(() -> new NotFoundException("An open cart"));
		return priced(load(id, caller));
	}

	public PricedCart add(String id, Caller caller, String sku, int quantity) {
		load(id, caller);
		if (!this.catalog.variants(List.of(sku)).containsKey(sku)) {
			throw new InvalidRequestException("unknown-sku", "No product variant has SKU " + sku);
		}
		changed(id, caller, sku,
				this.carts.add(id, sku, quantity, inStock(sku), UUID.randomUUID(), this.clock.instant()));
		return priced(load(id, caller));
	}

	public PricedCart update(String id, Caller caller, UUID itemId, int quantity) {
		Cart cart = load(id, caller);
		Cart.Item item = cart.item(itemId).orElseThrow(() -> cart.open() ? noSuchItem(itemId) : notOpen(id, caller));
		CartStore.Change change = this.carts.set(id, itemId, quantity, inStock(item.sku()), this.clock.instant());
		if (change == CartStore.Change.NO_SUCH_LINE) {
			throw noSuchItem(itemId);
		}
		changed(id, caller, item.sku(), change);
		return priced(load(id, caller));
	}

	public PricedCart remove(String id, Caller caller, UUID itemId) {
		load(id, caller);
		CartStore.Change change = this.carts.remove(id, itemId, this.clock.instant());
		if (change == CartStore.Change.NO_SUCH_LINE) {
			throw noSuchItem(itemId);
		}
		changed(id, caller, "", change);
		return priced(load(id, caller));
	}

	/**
	 * Attaches a guest cart to the signed-in caller. If the caller already has an open
	 * cart, the guest cart's lines are merged into it within the cart limits (quantities
	 * capped, lines beyond the limit left out) and the guest cart is closed.
	 */
	public PricedCart claim(String id, Caller caller) {
		UUID customer = signedIn(caller);
		Cart guest = load(id, caller);
		if (customer.equals(guest.customerId()) && guest.open()) {
			return priced(guest);
		}
		Optional<String> existing = this.carts.openCartOf(customer);
		if (existing.isEmpty()) {
			if (!this.carts.assign(id, customer, this.clock.instant())) {
				throw notOpen(id, caller);
			}
			return priced(load(id, caller));
		}
		String target = existing.get();
		if (!this.carts.merge(id, target, this.clock.instant())) {
			throw notOpen(load(id, caller).open() ? target : id, caller);
		}
		return priced(load(target, caller));
	}

	@Override
	public CartSnapshot claimForCheckout(String cartId, Caller caller, CheckoutClaim claim) {
		load(cartId, caller);
		if (!this.carts.claim(cartId, claim, this.clock.instant())) {
			Cart current = load(cartId, caller);
			throw switch (current.status()) {
				case CHECKED_OUT, MERGED ->
					new InvalidRequestException("cart-closed", "This cart was already checked out");
				case ACTIVE -> current.items().isEmpty()
						? new InvalidRequestException("cart-empty", "The cart is empty") : checkoutInProgress();
				case CHECKING_OUT -> checkoutInProgress();
			};
		}
		Cart cart = load(cartId, caller);
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
	public boolean claimsJoinTransactions() {
		return this.carts.joinsTransactions();
	}

	@Override
	public boolean releaseClaim(String cartId, CheckoutClaim claim) {
		return this.carts.release(cartId, claim, this.clock.instant());
	}

	/** Turns a refused change into the answer the shopper gets. */
	private void changed(String id, Caller caller, String sku, CartStore.Change change) {
		switch (change) {
			case DONE -> {
			}
			case NOT_OPEN -> throw notOpen(id, caller);
			case NO_SUCH_LINE -> throw new NotFoundException("Cart item");
			case LINE_LIMIT -> throw new InvalidRequestException("cart-full",
					"A cart holds at most " + this.properties.maxLines() + " different items");
			case QUANTITY_LIMIT -> throw new InvalidRequestException("quantity-limit",
					"At most " + this.properties.maxQuantity() + " of one item per cart");
			case OUT_OF_STOCK -> throw new SoldOutException(sku);
		}
	}

	/** Why a cart the caller may see cannot change. */
	private RuntimeException notOpen(String id, Caller caller) {
		if (load(id, caller).status() == Cart.Status.CHECKING_OUT) {
			return new ConflictException("checkout-in-progress",
					"This cart is being checked out; it can change again if that checkout fails");
		}
		return new ConflictException("cart-closed", "This cart is closed and can no longer change");
	}

	private Cart load(String id, Caller caller) {
		return this.carts.find(id)
			.filter(cart -> cart.visibleTo(caller))
			.orElseThrow(() -> new NotFoundException("Cart " + id));
	}

	private int inStock(String sku) {
		return this.inventory.available(List.of(sku)).getOrDefault(sku, 0);
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

	private static NotFoundException noSuchItem(UUID itemId) {
		return new NotFoundException("Cart item " + itemId);
	}

	private static ConflictException checkoutInProgress() {
		return new ConflictException("checkout-in-progress",
				"This cart is being checked out by another request; retry shortly");
	}

	private static String newId() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
