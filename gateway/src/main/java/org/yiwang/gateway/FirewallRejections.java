package org.yiwang.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.yiwang.shared.web.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * What Spring Security's {@code StrictServerWebExchangeFirewall} refuses (an HTTP method outside the usual seven, a
 * {@code ;}, {@code //} or encoded {@code %} in the path, a control character in a header), as a 400 problem naming
 * the rule broken, instead of its default empty 400. The firewall's own message is not echoed: it quotes header
 * values, which may hold tokens.
 */
final class FirewallRejections implements ServerExchangeRejectedHandler {

	static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
			HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		response.setStatusCode(HttpStatus.BAD_REQUEST);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = Problems.json(400, "malformed-request", "Bad Request", detail(exchange, ex), null)
			.getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	static String detail(ServerWebExchange exchange, ServerExchangeRejectedException ex) {
		HttpMethod method = exchange.getRequest().getMethod();
		String message = ex.getMessage() == null ? "" : ex.getMessage().toLowerCase(Locale.ROOT);
		if (!METHODS.contains(method) || message.contains("http method")) {
			return "the method " + token(method.name()) + " is not accepted; use GET, HEAD, POST, PUT, PATCH, DELETE "
					+ "or OPTIONS";
		}
		if (message.contains("header name")) {
			return "a header name holds a character that is not allowed";
		}
		if (message.contains("header")) {
			return "a header value holds a control character or another character that is not allowed";
		}
		if (message.contains("parameter")) {
			return "a query parameter holds a control character or another character that is not allowed";
		}
		if (message.contains("not normalized")) {
			return "the path is not normalized: it holds a '.' or '..' segment or an empty segment ('//')";
		}
		if (message.contains("malicious string")) {
			return "the path holds a sequence that is not allowed: ';', '//', an encoded '%', '.', '/' or '\\', "
					+ "or a NUL";
		}
		if (message.contains("printable")) {
			return "the path holds a character that is not printable ASCII";
		}
		return "the request was refused: its method, path or a header holds something that is not allowed";
	}

	/** The method as sent, if it is a plain token of reasonable length (it is repeated to the caller). */
	private static String token(String method) {
		return method.length() <= 20 && method.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
				|| c == '-' || c == '_') ? method : "(unrecognised)";
	}

}
