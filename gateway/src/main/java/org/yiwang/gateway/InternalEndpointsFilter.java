package org.yiwang.gateway;

import java.net.URI;
import java.util.List;

import org.yiwang.shared.web.Problems;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The gateway's internal endpoints ({@code /fallback/**}, where circuit breakers forward) do not exist for clients:
 * 404 problem, the same answer as any unknown path, before security and routing. Matched the way the handler mapping
 * matches (decoded segments, matrix parameters ignored), so {@code /%66allback/x} or {@code /fallback;a=b/x} are
 * refused too. The circuit breaker's own forward goes to the {@code DispatcherHandler} directly and never passes here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class InternalEndpointsFilter implements WebFilter {

	static final List<PathPattern> INTERNAL = List.of(PathPatternParser.defaultInstance.parse("/fallback/**"));

	/** The detail of every 404 the gateway writes itself: the same words whether or not something is there. */
	static final String NOT_FOUND_DETAIL = "no route or resource at this path";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		if (INTERNAL.stream().anyMatch(pattern -> pattern.matches(path))) {
			return BadRequestFilter.reject(exchange, HttpStatus.NOT_FOUND, "404", NOT_FOUND_DETAIL, null);
		}
		return chain.filter(exchange);
	}

	static ProblemDetail notFound() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, NOT_FOUND_DETAIL);
		problem.setType(URI.create(Problems.TYPE_BASE + "404"));
		problem.setTitle(Problems.title(404));
		return problem;
	}

}
