package io.emporium;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests that talk to a running Emporium over real HTTP. */
public final class ApiClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http;

	private final String base;

	private final @Nullable String bearer;

	private final Map<String, String> headers;

	public ApiClient(int port) {
		this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), "http://localhost:" + port, null,
				Map.of());
	}

	private ApiClient(HttpClient http, String base, @Nullable String bearer, Map<String, String> headers) {
		this.http = http;
		this.base = base;
		this.bearer = bearer;
		this.headers = headers;
	}

	/**
	 * A client connecting from another loopback address (127.0.0.2 and up), so the server
	 * sees another client address without trusting any header.
	 */
	public static ApiClient from(String loopbackAddress, int port) {
		try {
			HttpClient http = HttpClient.newBuilder()
				.connectTimeout(Duration.ofSeconds(10))
				.localAddress(InetAddress.getByName(loopbackAddress))
				.build();
			return new ApiClient(http, "http://127.0.0.1:" + port, null, Map.of());
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(loopbackAddress, ex);
		}
	}

	/** The same client, sending this access token. */
	public ApiClient as(String accessToken) {
		return new ApiClient(this.http, this.base, accessToken, this.headers);
	}

	/** The access token this client sends, if any. */
	public @Nullable String bearer() {
		return this.bearer;
	}

	/** The same client, sending one more header on every request. */
	public ApiClient with(String header, String value) {
		var more = new HashMap<>(this.headers);
		more.put(header, value);
		return new ApiClient(this.http, this.base, this.bearer, Map.copyOf(more));
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response post(String path, @Nullable Object body) {
		return send("POST", path, body);
	}

	public Response put(String path, Object body) {
		return send("PUT", path, body);
	}

	public Response patch(String path, Object body) {
		return send("PATCH", path, body);
	}

	public Response delete(String path) {
		return send("DELETE", path, null);
	}

	/** Sends raw bytes as JSON, for malformed and oversized bodies. */
	public Response postRaw(String path, String body) {
		return exchange(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	/**
	 * Streams the body with {@code Transfer-Encoding: chunked}, without a Content-Length,
	 * as a client that does not know the size up front would.
	 */
	public Response postChunked(String path, byte[] body) {
		return exchange(
				request(path).POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
					.build());
	}

	public Response send(String method, String path, @Nullable Object body) {
		HttpRequest.BodyPublisher publisher = (body == null) ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers
					.ofString((body instanceof String text) ? text : json.writeValueAsString(body));
		return exchange(request(path).method(method, publisher).build());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, application/problem+json");
		if (this.bearer != null) {
			builder.header("Authorization", "Bearer " + this.bearer);
		}
		this.headers.forEach(builder::header);
		return builder;
	}

	private Response exchange(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException("request failed: " + request.method() + " " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	public record Response(int status, String contentType, Map<String, List<String>> headers, String body) {

		public JsonNode json() {
			return json.readTree(this.body);
		}

		public String text(String field) {
			return json().path(field).asString();
		}

		public @Nullable String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		public boolean isProblem() {
			return this.contentType.startsWith("application/problem+json");
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
