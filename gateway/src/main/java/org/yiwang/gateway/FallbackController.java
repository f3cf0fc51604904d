package org.yiwang.gateway;

import java.net.URI;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where an open circuit or an unreachable service lands: 503 problem details naming the service. A request turned
 * away only because too many were in flight ({@link Overload}) is 429 with a short Retry-After instead: the service
 * is busy, not down.
 */
@RestController
class FallbackController {

	@RequestMapping("/fallback/{service}")
	ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
		Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (failure != null && Overload.isOverload(failure)) {
			return problem(HttpStatus.TOO_MANY_REQUESTS, "busy", "Too Many Requests",
					service + " is busy; please retry in a moment", service, 1);
		}
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
				service + " is unavailable right now; please retry shortly", service, 5);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
			String service, int retryAfterSeconds) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://yiwang.dev/problems/" + type));
		problem.setTitle(title);
		problem.setProperty("service", service);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header("Retry-After", String.valueOf(retryAfterSeconds))
			.body(problem);
	}

}
