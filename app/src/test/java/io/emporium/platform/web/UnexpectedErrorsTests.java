package io.emporium.platform.web;

import java.io.IOException;

import io.emporium.ApiClient;
import io.emporium.HttpTestSupport;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exceptions nobody meant for the client answer a generic problem: their message, class
 * and stack never reach the response, and the failure is logged once.
 */
@Import({ UnexpectedErrorsTests.FailingController.class, UnexpectedErrorsTests.FailingFilter.class })
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedErrorsTests extends HttpTestSupport {

	private static final String SECRET = "secret SQL detail";

	@Test
	void anUnexpectedExceptionInAControllerIsAGeneric500LoggedOnce(CapturedOutput output) {
		ApiClient.Response response = this.store.api().get("/test/failures/state");

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.text("type")).isEqualTo("https://emporium.dev/problems/internal-error");
		assertThat(response.body()).doesNotContain(SECRET)
			.doesNotContain("IllegalStateException")
			.doesNotContain("io.emporium");
		assertThat(output.getOut().split(SECRET, -1)).hasSize(2);
	}

	@Test
	void anIllegalArgumentDoesNotEchoItsMessage() {
		ApiClient.Response response = this.store.api().get("/test/failures/argument");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.body()).doesNotContain(SECRET).doesNotContain("IllegalArgumentException");
	}

	@Test
	void aRedisThatDoesNotAnswerIsA503WithRetryAfter() {
		ApiClient.Response response = this.store.api().get("/test/failures/redis");

		assertThat(response.status()).isEqualTo(503);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.text("type")).isEqualTo("https://emporium.dev/problems/service-unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("5");
		assertThat(response.body()).doesNotContain(SECRET).doesNotContain("Redis");
	}

	@Test
	void anUnexpectedExceptionInAFilterIsAGeneric500(CapturedOutput output) {
		ApiClient.Response response = this.store.api().get("/test/failures/filter");

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.body()).doesNotContain(SECRET).doesNotContain("IllegalStateException");
		assertThat(output.getOut().split(SECRET, -1)).hasSize(2);
	}

	@RestController
	static class FailingController {

		@GetMapping("/test/failures/state")
		String state() {
			throw new IllegalStateException(SECRET);
		}

		@GetMapping("/test/failures/argument")
		String argument() {
			throw new IllegalArgumentException(SECRET);
		}

		@GetMapping("/test/failures/redis")
		String redis() {
			throw new RedisConnectionFailureException(SECRET);
		}

	}

	static class FailingFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getRequestURI().equals("/test/failures/filter")) {
				throw new IllegalStateException(SECRET);
			}
			chain.doFilter(request, response);
		}

	}

}
