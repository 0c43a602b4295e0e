package io.emporium.checkout.internal;

import java.time.Clock;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Forgets finished Idempotency-Keys after their retention. Worker nodes only; running it
 * twice is harmless.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyCleanupJob {

	@Bean
	RecurringTask<Void> idempotencyCleanup(IdempotencyKeys keys, CheckoutProperties properties, Clock clock) {
		return Tasks.recurring("checkout-idempotency-cleanup", FixedDelay.ofHours(1))
			.execute(
					(instance, context) -> keys.deleteFinishedBefore(clock.instant().minus(properties.keyRetention())));
	}

}
