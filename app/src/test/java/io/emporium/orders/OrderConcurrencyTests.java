package io.emporium.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.emporium.orders.internal.OrderService;
import io.emporium.platform.ConflictException;
import io.emporium.platform.ProblemTypes;
import org.junit.jupiter.api.RepeatedTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Races real threads, each in its own transaction, on one order in the real database. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OrderConcurrencyTests {

	private static final int THREADS = 10;

	@Autowired
	Orders orders;

	@Autowired
	OrderService service;

	@Autowired
	JdbcClient jdbc;

	@RepeatedTest(5)
	void letsExactlyOneOfConcurrentTransitionsWin() throws Exception {
		UUID orderId = this.orders.placePaid(TestOrders.forCustomer(null)).orderId();
		CountDownLatch start = new CountDownLatch(1);
		List<Future<OrderStatus>> attempts = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			for (int i = 0; i < THREADS; i++) {
				OrderStatus target = (i % 2 == 0) ? OrderStatus.CANCELLED : OrderStatus.FULFILLED;
				attempts.add(pool.submit(() -> {
					start.await();
					this.service.transition(orderId, target, "system", null);
					return target;
				}));
			}
			start.countDown();

			List<OrderStatus> winners = new ArrayList<>();
			List<Throwable> losers = new ArrayList<>();
			for (Future<OrderStatus> attempt : attempts) {
				try {
					winners.add(attempt.get(30, TimeUnit.SECONDS));
				}
				catch (ExecutionException ex) {
					losers.add(ex.getCause());
				}
			}

			assertThat(winners).hasSize(1);
			assertThat(losers).hasSize(THREADS - 1)
				.allSatisfy((loser) -> assertThat(loser).isInstanceOfSatisfying(ConflictException.class,
						(conflict) -> assertThat(conflict.getBody().getType())
							.isEqualTo(ProblemTypes.uri("order-state-conflict"))));
			assertThat(this.jdbc.sql("select to_status from orders_history where order_id = :id order by seq")
				.param("id", orderId)
				.query(String.class)
				.list()).containsExactly("PLACED", "PAID", winners.get(0).name());
			assertThat(this.jdbc.sql("select status from orders_order where id = :id")
				.param("id", orderId)
				.query(String.class)
				.single()).isEqualTo(winners.get(0).name());
		}
		finally {
			pool.shutdownNow();
		}
	}

}
