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
			ProblemDetail busy = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
					service + " is busy; please retry in a moment");
			busy.setType(URI.create("https://yiwang.dev/problems/busy"));
			busy.setTitle("Too Many Requests");
			busy.setProperty("service", service);
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.header("Retry-After", "1")
				.body(busy);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				service + " is unavailable right now; please retry shortly");
		problem.setType(URI.create("https://yiwang.dev/problems/service-unavailable"));
		problem.setTitle("Service unavailable");
		problem.setProperty("service", service);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header("Retry-After", "5")
			.body(problem);
	}

}
