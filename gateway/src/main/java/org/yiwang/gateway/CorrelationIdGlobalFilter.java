package org.yiwang.gateway;

import org.yiwang.shared.web.Correlation;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/** Every routed request carries {@code X-Correlation-Id} (the caller's, if sane, else a new one) both ways. */
@Component
class CorrelationIdGlobalFilter implements GlobalFilter, Ordered {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String correlationId = Correlation.sanitize(exchange.getRequest().getHeaders().getFirst(Correlation.HEADER));
		ServerWebExchange mutated = exchange.mutate()
			.request(request -> request.headers(headers -> headers.set(Correlation.HEADER, correlationId)))
			.build();
		mutated.getResponse().getHeaders().set(Correlation.HEADER, correlationId);
		return chain.filter(mutated);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
