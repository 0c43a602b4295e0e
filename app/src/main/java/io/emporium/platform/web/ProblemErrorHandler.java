package io.emporium.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.emporium.platform.ProblemTypes;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's last-resort error page, for requests rejected before they reach the application
 * (such as an ambiguous path): a problem+json body instead of Jetty's HTML page. Errors
 * inside the application are answered by {@link ProblemErrorController}.
 */
class ProblemErrorHandler extends ErrorHandler {

	@Override
	public boolean handle(Request request, Response response, Callback callback) {
		int status = response.getStatus();
		if (HttpStatus.hasNoBody(status)) {
			callback.succeeded();
			return true;
		}
		String type = ProblemTypes.uri((status < 500) ? "invalid-request" : "internal-error").toString();
		String body = "{\"type\":\"" + type + "\",\"title\":\"Request rejected\",\"status\":" + status
				+ ",\"detail\":\"The request could not be processed.\"}";
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
		response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
		return true;
	}

}
