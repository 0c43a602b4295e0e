package io.emporium.payments;

import io.emporium.platform.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A key was reused for another amount or currency (409, type payment-mismatch); the first
 * authorization under the key is given back, never reused.
 */
public class PaymentMismatchException extends ErrorResponseException {

	public PaymentMismatchException(String detail) {
		super(HttpStatus.CONFLICT);
		setType(ProblemTypes.uri("payment-mismatch"));
		setTitle("Payment mismatch");
		setDetail(detail);
	}

}
