package io.emporium.payments;

import io.emporium.platform.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The gateway refused the charge (402, type payment-declined). */
public class PaymentDeclinedException extends ErrorResponseException {

	public PaymentDeclinedException(String reason) {
		super(HttpStatus.PAYMENT_REQUIRED);
		setType(ProblemTypes.uri("payment-declined"));
		setTitle("Payment declined");
		setDetail("The payment was declined: " + reason);
	}

}
