package org.yiwang.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** A busy route is 429 and never opens the circuit; a failing backend is 503. */
class OverloadTests {

	@Test
	void aFullBulkheadOrPoolIsOverloadEvenWhenWrapped() {
		BulkheadFullException full = BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("r"));
		assertThat(Overload.isOverload(full)).isTrue();
		assertThat(Overload.isOverload(new IllegalStateException("wrapped", full))).isTrue();
		assertThat(Overload.isOverload(new PoolAcquireTimeoutException())).isTrue();
	}

	@Test
	void aBackendThatFailsIsNotOverload() {
		assertThat(Overload.isOverload(new ConnectException("refused"))).isFalse();
		assertThat(Overload.isOverload(new TimeoutException())).isFalse();
		assertThat(Overload.isOverload(new IOException("reset"))).isFalse();
	}

	@Test
	void theFallbackAnswers429ForOverloadAnd503ForFailure() {
		FallbackController fallback = new FallbackController();
		MockServerWebExchange busy = MockServerWebExchange.from(MockServerHttpRequest.get("/fallback/catalog-service"));
		busy.getAttributes()
			.put(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR, new PoolAcquireTimeoutException());
		var answer = fallback.unavailable("catalog-service", busy);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");

		MockServerWebExchange down = MockServerWebExchange.from(MockServerHttpRequest.get("/fallback/catalog-service"));
		down.getAttributes().put(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR, new ConnectException());
		assertThat(fallback.unavailable("catalog-service", down).getStatusCode())
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	/** Same simple name as Reactor Netty's (shaded) pool exception. */
	static class PoolAcquireTimeoutException extends RuntimeException {

	}

}
