package io.emporium.inventory;

import io.emporium.platform.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Not enough stock to hold what was asked for (409, type sold-out). */
public class SoldOutException extends ErrorResponseException {

	private final String sku;

	public SoldOutException(String sku) {
		super(HttpStatus.CONFLICT);
		this.sku = sku;
		setType(ProblemTypes.uri("sold-out"));
		setTitle("Sold out");
		setDetail("Not enough stock for " + sku);
		getBody().setProperty("sku", sku);
	}

	public String sku() {
		return this.sku;
	}

}
