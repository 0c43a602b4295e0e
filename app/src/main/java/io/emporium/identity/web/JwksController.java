package io.emporium.identity.web;

import java.time.Duration;
import java.util.Map;

import io.emporium.identity.internal.SigningKey;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public signing key so anyone can verify Emporium's access tokens. */
@RestController
class JwksController {

	private final SigningKey signingKey;

	JwksController(SigningKey signingKey) {
		this.signingKey = signingKey;
	}

	@GetMapping("/.well-known/jwks.json")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.body(this.signingKey.publicJwkSet());
	}

}
