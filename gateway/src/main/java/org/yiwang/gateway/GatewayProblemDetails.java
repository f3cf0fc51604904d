package org.yiwang.gateway;

import java.net.URI;
import java.util.stream.Collectors;

import org.yiwang.shared.web.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;

/**
 * WebFlux's own error answers (no route and no resource: 404; a method the endpoint does not take: 405; 406, 415,
 * input errors) completed the way the services complete theirs ({@code ProblemDetailsAdvice} in platform-shared):
 * {@code type} {@code https://yiwang.dev/problems/<status>}, {@code title} the reason phrase, a {@code detail} that
 * names what was wrong. Replaces Boot's {@code ProblemDetailsExceptionHandler}, whose problems have no {@code type}.
 */
@RestControllerAdvice
class GatewayProblemDetails extends ResponseEntityExceptionHandler {

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		return super.handleExceptionInternal(ex, body, headers, status, exchange).map(response -> {
			if (response.getBody() instanceof ProblemDetail problem) {
				complete(problem, ex, response.getStatusCode());
			}
			return response;
		});
	}

	static void complete(ProblemDetail problem, Exception ex, HttpStatusCode status) {
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			problem.setType(URI.create(Problems.TYPE_BASE + (status.is5xxServerError() ? "internal" : status.value())));
		}
		if (problem.getTitle() == null) {
			problem.setTitle(Problems.title(status.value()));
		}
		if (ex instanceof NoResourceFoundException) {
			problem.setDetail(InternalEndpointsFilter.NOT_FOUND_DETAIL);
		}
		else if (ex instanceof MethodNotAllowedException notAllowed) {
			problem.setDetail("the method " + notAllowed.getHttpMethod() + " is not supported here; supported: "
					+ notAllowed.getSupportedMethods()
						.stream()
						.map(HttpMethod::name)
						.sorted()
						.collect(Collectors.joining(", ")));
		}
	}

}
