package org.yiwang.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error dispatch ({@code /error}: {@code sendError} from a filter, an exception no handler caught)
 * as problem details, in place of Boot's {@code BasicErrorController} and its {@code timestamp/error/path} JSON or
 * white-label HTML. A client mistake keeps its 4xx; only a real failure is a 500 (logged, with a correlation id).
 */
@RestController
public class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	@RequestMapping(path = "${server.error.path:${error.path:/error}}",
			produces = { MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE, "*/*" })
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer value && value >= 400 ? value : 500;
		Throwable exception = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		String detail;
		if (status >= 500) {
			if (exception != null) {
				log.error("unhandled error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), exception);
			}
			detail = "an unexpected error occurred; quote correlation id " + Correlation.current();
		}
		else {
			detail = switch (status) {
				case 400 -> "the request is malformed";
				case 404 -> "no resource at this path";
				case 405 -> "this method is not supported here";
				case 413 -> "the request body is too large";
				default -> Problems.title(status);
			};
		}
		ProblemDetail problem = Problems.of(HttpStatus.valueOf(status), status >= 500 ? "internal" : String.valueOf(status),
				Problems.title(status), detail);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
