package io.emporium.checkout.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param duplicateWait how long a concurrent duplicate request waits for the first one to
 * finish
 * @param staleAfter when an unfinished key is taken over (its node died mid-checkout)
 * @param keyRetention how long finished keys are kept for replay
 */
@ConfigurationProperties("emporium.checkout")
record CheckoutProperties(@DefaultValue("15s") Duration duplicateWait, @DefaultValue("2m") Duration staleAfter,
		@DefaultValue("24h") Duration keyRetention) {
}
