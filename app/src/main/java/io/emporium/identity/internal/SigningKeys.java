package io.emporium.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.emporium.platform.EmporiumProperties;
import io.emporium.platform.StartupLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signing keys every node shares through the database. Each node keeps a
 * {@link KeyRing} and re-reads it when it is older than {@code keyRefresh}, or at once
 * (at most once a second) when a token names a kid it does not know, so a key made on
 * another node signs and verifies here within seconds. The first node to start creates
 * the first key, or imports an earlier store's key file, under the start-up lock.
 */
@Component
class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private static final long UNKNOWN_KID_RELOAD_NANOS = Duration.ofSeconds(1).toNanos();

	private final SigningKeyRepository repository;

	private final TransactionTemplate transactions;

	private final StartupLock startupLock;

	private final Clock clock;

	private final LegacyKeyFile legacyFile;

	private final Duration retiredKeysVerifyFor;

	private final long refreshNanos;

	private final ReentrantLock loading = new ReentrantLock();

	private volatile @Nullable Loaded loaded;

	SigningKeys(SigningKeyRepository repository, TransactionTemplate transactions, StartupLock startupLock, Clock clock,
			IdentityProperties identity, EmporiumProperties emporium) {
		this.repository = repository;
		this.transactions = transactions;
		this.startupLock = startupLock;
		this.clock = clock;
		this.legacyFile = new LegacyKeyFile(identity.signingKeyFile(emporium.dataDir()));
		this.retiredKeysVerifyFor = identity.retiredKeysVerifyFor();
		this.refreshNanos = identity.keyRefresh().toNanos();
	}

	/**
	 * Seals keys stored before a key secret was set, and makes sure the store has a key,
	 * before the node reports ready.
	 */
	@EventListener(ApplicationStartedEvent.class)
	void start() {
		if (this.repository.sealsKeys()) {
			this.startupLock.runLocked("identity-signing-keys", () -> {
				int sealed = this.repository.sealUnsealed();
				if (sealed > 0) {
					log.atInfo().setMessage("stored signing keys sealed").addKeyValue("keys", sealed).log();
				}
			});
		}
		ring();
	}

	/** The keys as this node knows them, re-read first when they are due. */
	KeyRing ring() {
		Loaded current = this.loaded;
		if (current != null && System.nanoTime() - current.at() < this.refreshNanos) {
			return current.ring();
		}
		if (current == null) {
			this.loading.lock();
		}
		else if (!this.loading.tryLock()) {
			// Another thread is re-reading them; this request makes do with the last
			// ones.
			return current.ring();
		}
		try {
			return reload().ring();
		}
		finally {
			this.loading.unlock();
		}
	}

	/**
	 * Verification keys for the JWT decoder: a kid this node does not know makes it
	 * re-read the keys once before the token is refused.
	 */
	JWKSource<SecurityContext> verificationKeys() {
		return (selector, context) -> {
			List<JWK> found = selector.select(ring().verification());
			if (found.isEmpty() && unknownKid(selector.getMatcher()) && reloadForUnknownKid()) {
				found = selector.select(ring().verification());
			}
			return found;
		};
	}

	/**
	 * Makes a new key current; the keys it replaces keep verifying until every token they
	 * may have signed has expired.
	 */
	SigningKey rotate() {
		SigningKey key = SigningKey.generate(this.clock.instant());
		this.transactions.executeWithoutResult(status -> {
			this.repository.insert(key);
			this.repository.retireAllBut(key.keyId(), key.createdAt());
		});
		log.atInfo().setMessage("signing key rotated").addKeyValue("kid", key.keyId()).log();
		this.loading.lock();
		try {
			reload();
		}
		finally {
			this.loading.unlock();
		}
		return key;
	}

	private boolean unknownKid(JWKMatcher matcher) {
		Set<String> ids = matcher.getKeyIDs();
		Loaded current = this.loaded;
		return ids != null && !ids.isEmpty() && current != null
				&& System.nanoTime() - current.at() >= UNKNOWN_KID_RELOAD_NANOS;
	}

	private boolean reloadForUnknownKid() {
		if (!this.loading.tryLock()) {
			return false;
		}
		try {
			reload();
			return true;
		}
		finally {
			this.loading.unlock();
		}
	}

	/** Called with {@link #loading} held. */
	private Loaded reload() {
		Loaded previous = this.loaded;
		Loaded next;
		try {
			next = new Loaded(read(), System.nanoTime());
		}
		catch (DataAccessException ex) {
			if (previous == null) {
				throw ex;
			}
			log.atWarn().setMessage("cannot re-read the signing keys; keeping those known").setCause(ex).log();
			next = new Loaded(previous.ring(), System.nanoTime());
		}
		this.loaded = next;
		return next;
	}

	private KeyRing read() {
		Instant now = this.clock.instant();
		List<SigningKey> keys = this.repository.usable(now.minus(this.retiredKeysVerifyFor));
		if (keys.stream().noneMatch(key -> key.retiredAt() == null)) {
			this.startupLock.runLocked("identity-signing-keys", this::createFirstKey);
			keys = this.repository.usable(now.minus(this.retiredKeysVerifyFor));
		}
		return KeyRing.of(keys, now, this.retiredKeysVerifyFor);
	}

	/**
	 * Under the start-up lock: the first key, unless another node made one meanwhile. An
	 * earlier store's key file is imported only into an empty table, so only once.
	 */
	private void createFirstKey() {
		if (this.repository.anyCurrent()) {
			return;
		}
		Instant now = this.clock.instant();
		Optional<RSAKey> imported = this.repository.any() ? Optional.<RSAKey>empty() : this.legacyFile.read();
		SigningKey key = imported.map(legacy -> new SigningKey(legacy, now, null))
			.orElseGet(() -> SigningKey.generate(now));
		this.repository.insert(key);
		log.atInfo()
			.setMessage(imported.isPresent() ? "signing key imported from the key file" : "first signing key created")
			.addKeyValue("kid", key.keyId())
			.log();
	}

	private record Loaded(KeyRing ring, long at) {
	}

}
