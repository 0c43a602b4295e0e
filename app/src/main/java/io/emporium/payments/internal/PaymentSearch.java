package io.emporium.payments.internal;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Filters for the admin list; a null filter matches everything. */
record PaymentSearch(@Nullable String cartId, @Nullable UUID orderId, @Nullable PaymentStatus status) {
}
