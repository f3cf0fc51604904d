package org.yiwang.gateway;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.shared.web.Problems;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every error the gateway itself answers (no route: 404; a method not allowed; a body too large; a malformed
 * request; a failure) as RFC 9457 problem details, ahead of Boot's {@code DefaultErrorWebExceptionHandler} and its
 * {@code timestamp/path/error} JSON. A 5xx is logged and quotes the correlation id.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		HttpStatusCode status = ex instanceof ResponseStatusException rse ? rse.getStatusCode()
				: HttpStatus.INTERNAL_SERVER_ERROR;
		String detail;
		if (status.is5xxServerError()) {
			String correlation = response.getHeaders().getFirst("X-Correlation-Id");
			log.error("gateway error on {} {} (correlation {})", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), correlation, ex);
			detail = "the gateway could not answer; quote correlation id " + correlation;
		}
		else {
			String reason = ex instanceof ResponseStatusException rse ? rse.getReason() : null;
			detail = reason != null ? reason : Problems.title(status.value());
		}
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = Problems.json(status.value(), status.is5xxServerError() ? "internal" : String.valueOf(status.value()),
				Problems.title(status.value()), detail, null)
			.getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
