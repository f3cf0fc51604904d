package org.yiwang.gateway;

import java.net.ConnectException;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fallback answers by what failed; a request that did not come from a circuit breaker (no failure attribute:
 * a client that got past {@link InternalEndpointsFilter} somehow) finds nothing there.
 */
class FallbackControllerTests {

	final FallbackController controller = new FallbackController();

	ResponseEntity<ProblemDetail> answer(Throwable failure) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/fallback/catalog-service"));
		if (failure != null) {
			exchange.getAttributes().put(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR, failure);
		}
		return controller.unavailable("catalog-service", exchange);
	}

	@Test
	void withoutACircuitBreakerFailureThereIsNothingHere() {
		ResponseEntity<ProblemDetail> answer = answer(null);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(answer.getBody().getType().toString()).isEqualTo("https://yiwang.dev/problems/404");
		assertThat(answer.getBody().getProperties()).isNull();
	}

	@Test
	void anUnreachableServiceIs503() {
		ResponseEntity<ProblemDetail> answer = answer(new ConnectException("Connection refused"));
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(answer.getBody().getProperties()).containsEntry("service", "catalog-service");
	}

	@Test
	void aServiceThatDidNotAnswerInTimeIs504() {
		ResponseEntity<ProblemDetail> answer = answer(
				new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout: PT15S"));
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
		assertThat(answer.getBody().getType().toString()).isEqualTo("https://yiwang.dev/problems/gateway-timeout");
		assertThat(answer(io.netty.handler.timeout.ReadTimeoutException.INSTANCE).getStatusCode())
			.isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
	}

	@Test
	void aBusyServiceIs429() {
		ResponseEntity<ProblemDetail> answer = answer(BulkheadFullException.createBulkheadFullException(
				io.github.resilience4j.bulkhead.Bulkhead.ofDefaults("catalog-service")));
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

}
