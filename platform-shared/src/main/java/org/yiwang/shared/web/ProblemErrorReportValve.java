package org.yiwang.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's own error answers (a request target it refuses: {@code ..%2F}, {@code %zz} in a path, a raw byte above
 * 0x7f, a request line or headers too large; anything no servlet wrote a body for) as RFC 9457 problem details
 * instead of Tomcat's HTML page. Installed on the host in place of the {@link ErrorReportValve}. Never shows a stack
 * trace or the server version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	public ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		String detail = switch (status) {
			case 400 -> "the request line, a header or the body is malformed (e.g. an encoded '/', '\\' or '..' in the path, "
					+ "a bad percent escape, a character that must be percent-encoded)";
			case 404 -> "no resource at this path";
			case 408 -> "the request did not arrive in time";
			case 413 -> "the request body is too large";
			case 414 -> "the request target is too long";
			case 431 -> "the request headers are too large";
			case 505 -> "only HTTP/1.1 and HTTP/2 are spoken here";
			default -> status >= 500 ? "the server could not answer; quote correlation id " + Correlation.current()
					: Problems.title(status);
		};
		String type = status == 400 ? "malformed-request" : String.valueOf(status);
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(Problems.json(status, type, Problems.title(status), detail, null));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response was committed meanwhile: nothing more to say
		}
	}

}
