package io.emporium.identity.web;

import java.util.UUID;

import io.emporium.identity.internal.Accounts;
import io.emporium.identity.internal.IssuedTokens;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-up, sign-in and refresh; all answer with a fresh token pair. The client address
 * for rate limits is the servlet's remote address: a proxy's {@code X-Forwarded-For}
 * counts only where {@code server.forward-headers-strategy} says to trust it.
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

	private final Accounts accounts;

	AuthController(Accounts accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	TokenResponse register(@Valid @RequestBody Registration body, HttpServletRequest request) {
		return TokenResponse.of(this.accounts.register(body.email(), body.password(), request.getRemoteAddr()));
	}

	@PostMapping("/login")
	TokenResponse login(@Valid @RequestBody Login body, HttpServletRequest request) {
		return TokenResponse.of(this.accounts.login(body.email(), body.password(), request.getRemoteAddr()));
	}

	@PostMapping("/refresh")
	TokenResponse refresh(@Valid @RequestBody Refresh body) {
		return TokenResponse.of(this.accounts.refresh(body.refreshToken()));
	}

	// Bean Validation rejects missing fields before the handler runs, so they are never
	// null inside it.

	record Registration(@NotBlank @Email @Size(max = 254) String email,
			@NotBlank @Size(min = 8, max = 72) String password) {

		@Override
		public String toString() {
			return "Registration[<hidden>]";
		}

	}

	/** No length rule here: a sign-in only checks, so it never reveals the rule. */
	record Login(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 1024) String password) {

		@Override
		public String toString() {
			return "Login[<hidden>]";
		}

	}

	record Refresh(@NotBlank @Size(max = 256) String refreshToken) {

		@Override
		public String toString() {
			return "Refresh[<hidden>]";
		}

	}

	/** {@code expiresIn} is the access token's lifetime in seconds (OAuth 2 style). */
	record TokenResponse(String accessToken, String refreshToken, long expiresIn, UUID customerId) {

		static TokenResponse of(IssuedTokens tokens) {
			return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn().toSeconds(),
					tokens.customerId());
		}

	}

}
