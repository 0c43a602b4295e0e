package io.emporium.checkout.web;

import io.emporium.checkout.internal.CheckoutCommand;
import io.emporium.checkout.internal.CheckoutOutcome;
import io.emporium.checkout.internal.CheckoutService;
import io.emporium.orders.ShippingAddress;
import io.emporium.platform.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/v1/checkout: one paid order per Idempotency-Key, whatever the retries. */
@RestController
@Validated
class CheckoutController {

	private final CheckoutService checkout;

	CheckoutController(CheckoutService checkout) {
		this.checkout = checkout;
	}

	@PostMapping("/api/v1/checkout")
	ResponseEntity<String> checkout(
			@RequestHeader("Idempotency-Key") @NotBlank @Size(max = 255) @Pattern(regexp = "[\\x21-\\x7e]+",
					message = "must be printable ASCII without spaces") String key,
			@Valid @RequestBody CheckoutRequest request, Caller caller) {
		CheckoutOutcome outcome = this.checkout.checkout(key, request.command(), caller);
		return ResponseEntity.status(outcome.status())
			.contentType(outcome.problem() ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON)
			.header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
			.body(outcome.body());
	}

	record CheckoutRequest(@NotBlank @Size(max = 64) String cartId, @NotBlank @Email @Size(max = 254) String email,
			@NotNull @Valid Address shippingAddress, @NotNull @Valid Payment payment) {

		CheckoutCommand command() {
			return new CheckoutCommand(this.cartId, this.email, this.shippingAddress.toShippingAddress(),
					this.payment.token());
		}

	}

	record Address(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String line1,
			@Nullable @Size(max = 200) String line2, @NotBlank @Size(max = 100) String city,
			@NotBlank @Size(max = 20) String postalCode,
			@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code") String country) {

		ShippingAddress toShippingAddress() {
			return new ShippingAddress(this.name, this.line1, this.line2, this.city, this.postalCode, this.country);
		}

	}

	record Payment(@NotBlank @Size(max = 255) String token) {
	}

}
