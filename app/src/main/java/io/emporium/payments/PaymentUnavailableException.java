package io.emporium.payments;

import io.emporium.platform.ProblemTypes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * No gateway could take the charge right now; nothing was charged, so a retry is safe
 * (503).
 */
public class PaymentUnavailableException extends ErrorResponseException {

	public PaymentUnavailableException() {
		super(HttpStatus.SERVICE_UNAVAILABLE);
		setType(ProblemTypes.uri("payment-unavailable"));
		setTitle("Payment unavailable");
		setDetail("The payment service could not be reached. Nothing was charged; please try again.");
		getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
	}

}
