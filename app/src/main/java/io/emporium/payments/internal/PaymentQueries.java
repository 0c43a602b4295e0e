package io.emporium.payments.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.emporium.platform.NotFoundException;
import io.emporium.platform.Paging;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What admins read about payments: one page or one payment, each with its calls. */
@Service
class PaymentQueries {

	private final PaymentRepository payments;

	PaymentQueries(PaymentRepository payments) {
		this.payments = payments;
	}

	/** A page of payments and, read in one more query, the calls of each. */
	@Transactional(readOnly = true)
	Page search(PaymentSearch search, Paging paging) {
		PaymentPage page = this.payments.search(search, paging);
		return new Page(page, this.payments.calls(page.items().stream().map(Payment::id).toList()));
	}

	@Transactional(readOnly = true)
	PaymentDetails details(UUID paymentId) {
		Payment payment = this.payments.find(paymentId)
			.orElseThrow(() -> new NotFoundException("Payment " + paymentId));
		return new PaymentDetails(payment, this.payments.calls(List.of(paymentId)).get(paymentId));
	}

	record Page(PaymentPage payments, Map<UUID, List<GatewayCall>> calls) {
	}

}
