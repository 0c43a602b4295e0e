package io.emporium.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRingTests {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	private static final Duration ACCEPT_FOR = Duration.ofMinutes(16);

	@Test
	void theNewestKeyNotRetiredSigns() {
		SigningKey older = SigningKey.generate(NOW.minusSeconds(600));
		SigningKey newer = SigningKey.generate(NOW.minusSeconds(60));

		KeyRing ring = KeyRing.of(List.of(newer, older), NOW, ACCEPT_FOR);

		assertThat(ring.currentKeyId()).isEqualTo(newer.keyId());
		assertThat(ring.knows(older.keyId())).isTrue();
	}

	@Test
	void aRetiredKeyVerifiesUntilItsTokensHaveExpired() {
		SigningKey current = SigningKey.generate(NOW.minusSeconds(60));
		SigningKey recentlyRetired = retired(NOW.minus(ACCEPT_FOR).plusSeconds(1));
		SigningKey longRetired = retired(NOW.minus(ACCEPT_FOR).minusSeconds(1));

		KeyRing ring = KeyRing.of(List.of(current, recentlyRetired, longRetired), NOW, ACCEPT_FOR);

		assertThat(ring.currentKeyId()).isEqualTo(current.keyId());
		assertThat(ring.knows(recentlyRetired.keyId())).isTrue();
		assertThat(ring.knows(longRetired.keyId())).isFalse();
	}

	@Test
	void publishesPublicKeysOnly() {
		KeyRing ring = KeyRing.of(List.of(SigningKey.generate(NOW)), NOW, ACCEPT_FOR);

		assertThat(ring.verification().getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
	}

	private static SigningKey retired(Instant at) {
		SigningKey key = SigningKey.generate(at.minusSeconds(3600));
		return new SigningKey(key.rsaKey(), key.createdAt(), at);
	}

}
