package io.emporium.orders;

import org.jspecify.annotations.Nullable;

public record ShippingAddress(String name, String line1, @Nullable String line2, String city, String postalCode,
		String country) {
}
