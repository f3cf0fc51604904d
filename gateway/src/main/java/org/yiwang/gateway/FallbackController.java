package org.yiwang.gateway;

import java.net.URI;
import java.util.concurrent.TimeoutException;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards a failed call ({@code fallbackUri: forward:/fallback/<service>}): an open
 * circuit or an unreachable service is 503, a service that did not answer within the HTTP client's
 * {@code response-timeout} is 504, both problem details naming the service. A request turned away only because too
 * many were in flight ({@link Overload}) is 429 with a short Retry-After instead: the service is busy, not down.
 * <p>
 * Internal only: the circuit breaker dispatches the forward straight to WebFlux's {@code DispatcherHandler}, past
 * every {@code WebFilter}, so {@link InternalEndpointsFilter} answers a client's {@code /fallback/**} with 404 before
 * security and routing; should such a request get here anyway, it carries no circuit-breaker failure and is 404 too.
 */
@RestController
class FallbackController {

	@RequestMapping("/fallback/{service}")
	ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
		Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		if (failure == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(InternalEndpointsFilter.notFound());
		}
		if (Overload.isOverload(failure)) {
			return problem(HttpStatus.TOO_MANY_REQUESTS, "busy", "Too Many Requests",
					service + " is busy; please retry in a moment", service, 1);
		}
		if (timedOut(failure)) {
			return problem(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "Gateway Timeout",
					service + " did not answer in time; please retry shortly", service, 5);
		}
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
				service + " is unavailable right now; please retry shortly", service, 5);
	}

	/** The HTTP client's response-timeout (Spring Cloud Gateway's 504) or any time-out on the way. */
	static boolean timedOut(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof TimeoutException || t instanceof io.netty.handler.timeout.TimeoutException
					|| t instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504) {
				return true;
			}
		}
		return false;
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
