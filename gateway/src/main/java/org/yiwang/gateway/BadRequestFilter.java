package org.yiwang.gateway;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.yiwang.shared.web.Problems;
import org.yiwang.shared.web.RequestTargets;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses, before security and routing and with a problem body, what the gateway must not forward: a request
 * target longer than {@value #MAX_TARGET} characters (414; Netty's own limit is set higher so the request gets here
 * instead of an empty 414), a declared body above the 10 MB route limit (413, where the RequestSize filter answers
 * with an empty body), a query that is not percent-encoded UTF-8 (400 naming the parameter, as the services do),
 * and encoded separators or traversal in the path ({@code %2F}, {@code %5C}, {@code ..}) that the services' Tomcat
 * would refuse anyway (400). A chunked body, which declares no length, is counted as it is read and refused with
 * 413 when it passes 10 MB ({@link LimitedBody}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BadRequestFilter implements WebFilter {

	static final int MAX_TARGET = 8192;

	static final long MAX_BODY = DataSize.ofMegabytes(10).toBytes();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String rawPath = request.getURI().getRawPath();
		String rawQuery = request.getURI().getRawQuery();
		int targetLength = (rawPath == null ? 0 : rawPath.length()) + (rawQuery == null ? 0 : rawQuery.length() + 1);
		if (targetLength > MAX_TARGET) {
			return reject(exchange, HttpStatus.URI_TOO_LONG, "414", "the request target is longer than " + MAX_TARGET
					+ " characters", null);
		}
		long length = request.getHeaders().getContentLength();
		if (length > MAX_BODY) {
			return reject(exchange, HttpStatus.CONTENT_TOO_LARGE, "413",
					"the request body is larger than 10 MB", null);
		}
		if (rawPath != null && malformedPath(rawPath)) {
			return reject(exchange, HttpStatus.BAD_REQUEST, "malformed-request",
					"the path contains an encoded '/', '\\' or '.', a '..' segment or a bad percent escape", null);
		}
		Problems.FieldError query = RequestTargets.queryProblem(rawQuery);
		if (query != null) {
			return reject(exchange, HttpStatus.BAD_REQUEST, "validation",
					"the request is invalid: " + query.field() + " " + query.rule(), query);
		}
		if (length < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
			// a chunked body declares no length: counted as it is read, refused past the limit
			return chain.filter(exchange.mutate().request(new LimitedBody(request)).build());
		}
		return chain.filter(exchange);
	}

	/**
	 * The body of a request that declared no length, failing with a 413 past {@link #MAX_BODY}. Spring Cloud Gateway
	 * reads the whole body of a request to a route with a circuit breaker into memory before forwarding it
	 * ({@code AdaptCachedBodyGlobalFilter}, so the fallback could be given it): without this limit a chunked upload
	 * of any size was held in the gateway's heap. The limit fires while the body is read, before any backend call,
	 * and WebFlux answers the 413 problem ({@link GatewayProblemDetails}).
	 */
	static final class LimitedBody extends ServerHttpRequestDecorator {

		LimitedBody(ServerHttpRequest delegate) {
			super(delegate);
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> {
				AtomicLong seen = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (seen.addAndGet(buffer.readableByteCount()) > MAX_BODY) {
						DataBufferUtils.release(buffer);
						sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
								"the request body is larger than 10 MB"));
					}
					else {
						sink.next(buffer);
					}
				});
			});
		}

	}

	static boolean malformedPath(String rawPath) {
		String lower = rawPath.toLowerCase(java.util.Locale.ROOT);
		if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("%00")
				|| lower.contains("\\")) {
			return true;
		}
		for (String segment : rawPath.split("/", -1)) {
			if (segment.equals("..") || segment.startsWith("..;")) {
				return true;
			}
		}
		// every escape well-formed
		for (int i = 0; i < rawPath.length(); i++) {
			if (rawPath.charAt(i) == '%') {
				if (i + 2 >= rawPath.length() || Character.digit(rawPath.charAt(i + 1), 16) < 0
						|| Character.digit(rawPath.charAt(i + 2), 16) < 0) {
					return true;
				}
			}
		}
		return false;
	}

	static Mono<Void> reject(ServerWebExchange exchange, HttpStatus status, String type, String detail,
			Problems.FieldError error) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = Problems.json(status.value(), type, status.getReasonPhrase(), detail, error)
			.getBytes(StandardCharsets.UTF_8);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
