package io.emporium.platform.web;

import java.io.IOException;
import java.io.Writer;

import io.emporium.platform.ProblemTypes;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last-resort error page, for requests rejected before they reach the
 * application (such as an encoded slash in the path): a problem+json body instead of
 * Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		String type = ProblemTypes.uri((status < 500) ? "invalid-request" : "internal-error").toString();
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"" + type + "\",\"title\":\"Request rejected\",\"status\":" + status
						+ ",\"detail\":\"The request could not be processed.\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response is already on its way: nothing left to
			// report to.
		}
	}

}
