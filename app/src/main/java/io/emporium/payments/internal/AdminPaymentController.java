package io.emporium.payments.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.emporium.platform.Money;
import io.emporium.platform.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Merchants find payments and see every gateway call made for them. Role ADMIN is
 * enforced for {@code /api/v1/admin/**} by the platform's security configuration.
 */
@RestController
class AdminPaymentController {

	private final PaymentQueries payments;

	AdminPaymentController(PaymentQueries payments) {
		this.payments = payments;
	}

	@GetMapping("/api/v1/admin/payments")
	PageResponse search(@RequestParam(required = false) @Nullable String cartId,
			@RequestParam(required = false) @Nullable UUID orderId,
			@RequestParam(required = false) @Nullable PaymentStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Paging paging = new Paging(page, size);
		return PageResponse.of(this.payments.search(new PaymentSearch(cartId, orderId, status), paging));
	}

	@GetMapping("/api/v1/admin/payments/{id}")
	PaymentResponse payment(@PathVariable UUID id) {
		PaymentDetails details = this.payments.details(id);
		return PaymentResponse.of(details.payment(), details.calls());
	}

	record PageResponse(List<PaymentResponse> items, long total, int page, int size) {

		static PageResponse of(PaymentQueries.Page page) {
			return new PageResponse(page.payments()
				.items()
				.stream()
				.map(payment -> PaymentResponse.of(payment, page.calls().getOrDefault(payment.id(), List.of())))
				.toList(), page.payments().total(), page.payments().page(), page.payments().size());
		}

	}

	record PaymentResponse(UUID id, String gateway, Money amount, PaymentStatus status, @Nullable UUID orderId,
			String cartId, @Nullable String brand, @Nullable String last4, Money captured, Money refunded,
			Instant createdAt, Instant updatedAt, List<Call> calls) {

		static PaymentResponse of(Payment payment, List<GatewayCall> calls) {
			return new PaymentResponse(payment.id(), payment.gateway(), payment.amount(), payment.status(),
					payment.orderId(), payment.cartId(), payment.brand(), payment.last4(),
					payment.money(payment.captured()), payment.money(payment.refunded()), payment.createdAt(),
					payment.updatedAt(), calls.stream().map(Call::of).toList());
		}

	}

	record Call(String operation, @Nullable Money amount, String outcome, Instant at, @Nullable String error) {

		static Call of(GatewayCall call) {
			return new Call(call.operation().name(), call.amount(), call.outcome().name(), call.at(), call.error());
		}

	}

}
