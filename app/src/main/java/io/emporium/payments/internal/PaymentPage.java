package io.emporium.payments.internal;

import java.util.List;

/** One page of payments, newest first, with the size of the whole list. */
record PaymentPage(List<Payment> items, long total, int page, int size) {

	PaymentPage {
		items = List.copyOf(items);
	}

}
