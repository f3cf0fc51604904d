package org.yiwang.gateway;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * 429 with {@code Retry-After} when a caller exceeds its rate: anonymous requests per client IP, authenticated ones
 * per OAuth2 client ({@code azp}) for confidential clients (department systems, partner apps) and per user for
 * public clients (the portal), so one busy citizen cannot exhaust everyone's share.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

	private static final java.util.Set<String> PUBLIC_CLIENTS = java.util.Set.of("portal", "yiwang-cli");

	private final RateLimitProperties properties;

	private final TokenBuckets buckets;

	RateLimitFilter(RateLimitProperties properties) {
		this.properties = properties;
		this.buckets = new TokenBuckets(properties.window(), System::nanoTime);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!properties.enabled()) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.map(principal -> principal instanceof JwtAuthenticationToken token ? keyOf(token)
					: new Key("ip:" + clientIp(exchange), properties.anonymousPerIp()))
			.defaultIfEmpty(new Key("ip:" + clientIp(exchange), properties.anonymousPerIp()))
			.flatMap(key -> {
				long retryAfter = buckets.tryAcquire(key.value(), key.limit());
				return retryAfter == 0 ? chain.filter(exchange) : tooMany(exchange, retryAfter);
			});
	}

	private Key keyOf(JwtAuthenticationToken token) {
		String client = token.getToken().getClaimAsString("azp");
		client = client != null ? client : "unknown";
		String key = PUBLIC_CLIENTS.contains(client) ? "user:" + client + ":" + token.getToken().getSubject()
				: "client:" + client;
		return new Key(key, properties.limitFor(client));
	}

	private static String clientIp(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
	}

	private static Mono<Void> tooMany(ServerWebExchange exchange, long retryAfterSeconds) {
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		response.getHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
		String body = "{\"type\":\"https://yiwang.dev/problems/rate-limited\",\"title\":\"Too Many Requests\","
				+ "\"status\":429,\"detail\":\"request rate exceeded; retry after " + retryAfterSeconds + " s\"}";
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	private record Key(String value, int limit) {
	}

}
