package io.emporium.orders;

public enum OrderStatus {

	PLACED, PAID, FULFILLED, SHIPPED, DELIVERED, CANCELLED, REFUNDED

}
