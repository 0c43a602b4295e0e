package io.emporium.cart;

import java.time.Instant;
import java.util.UUID;

public record CartCheckedOut(String cartId, UUID orderId, Instant at) {
}
