package io.emporium.identity.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes refresh tokens past their expiry, hourly, on worker nodes. Used tokens are kept
 * until then so that reuse is still recognised. Running it twice is harmless.
 */
@Configuration(proxyBeanMethods = false)
class RefreshTokenCleanup {

	private static final Logger log = LoggerFactory.getLogger(RefreshTokenCleanup.class);

	@Bean
	RecurringTask<Void> identityRefreshTokenCleanup(RefreshTokens refreshTokens) {
		return Tasks.recurring("identity-refresh-token-cleanup", Schedules.fixedDelay(Duration.ofHours(1)))
			.execute((instance, context) -> {
				int deleted = refreshTokens.deleteExpired();
				log.atInfo().setMessage("expired refresh tokens deleted").addKeyValue("count", deleted).log();
			});
	}

}
