package org.yiwang.exchange.web;

import org.yiwang.exchange.identity.IdentityUnavailableException;
import org.yiwang.exchange.provider.ProviderUnavailableException;
import org.yiwang.shared.web.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A provider that cannot answer is a temporary state: the 503 problem (same shape as every other domain problem)
 * also says when asking again makes sense ({@code Retry-After}, seconds), so consumer systems back off instead of
 * hammering an open circuit. identity-service being unavailable is rendered the same way. Ordered before the platform's generic problem mapping, which sets no headers.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProviderUnavailableAdvice {

	@ExceptionHandler(ProviderUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(ProviderUnavailableException ex) {
		ProblemDetail problem = Problems.of(ex.status(), ex.problemType(), ex.status().getReasonPhrase(),
				ex.getMessage());
		problem.setProperty("retryAfterSeconds", ex.retryAfterSeconds());
		return ResponseEntity.status(ex.status())
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(problem);
	}

	/** identity-service could not say whose data the caller may see: the same 503 shape, with Retry-After. */
	@ExceptionHandler(IdentityUnavailableException.class)
	ResponseEntity<ProblemDetail> identityUnavailable(IdentityUnavailableException ex) {
		ProblemDetail problem = Problems.of(ex.status(), ex.problemType(), ex.status().getReasonPhrase(),
				ex.getMessage());
		problem.setProperty("retryAfterSeconds", ex.retryAfterSeconds());
		return ResponseEntity.status(ex.status())
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()))
			.body(problem);
	}

}
