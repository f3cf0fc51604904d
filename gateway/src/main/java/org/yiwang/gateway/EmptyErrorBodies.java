package org.yiwang.gateway;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.yiwang.shared.web.Correlation;
import org.yiwang.shared.web.Problems;
import org.yiwang.shared.web.RequestTargets;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Problem details for the error answers that leave the gateway with an empty body because they are written below
 * WebFlux, where no {@code WebFilter} or {@code ErrorWebExceptionHandler} runs:
 * <ul>
 * <li>Reactor Netty's HTTP decoder ({@code HttpServerOperations.sendDecodingFailures}): a request line above
 * {@code server.netty.max-initial-line-length} (414), headers above {@code server.max-http-request-header-size}
 * (431), a request line or header that is not HTTP/1.1 (400);</li>
 * <li>Reactor Netty's request set-up and Spring's {@code ReactorHttpHandlerAdapter}, which answer 400 when the target
 * is no valid {@link URI} ({@code /api/v1/%zz}, {@code ?x=%zz}, a lone {@code %}, a {@code |} or {@code {}) before a
 * {@code ServerWebExchange} exists;</li>
 * <li>anything else answered 4xx/5xx without a body (Actuator's 404 for an unknown health group, a CORS refusal).</li>
 * </ul>
 * Neither Reactor Netty 1.2/1.3 nor Spring offers a hook for those bodies: the decoder failure is a fixed
 * {@code FullHttpResponse} (Content-Length 0, Connection: close) and the adapter only sets the status. So a channel
 * handler between Netty's HTTP codec and Reactor Netty's traffic handler remembers each request's method, target and
 * decoding failure and, when an error answer with no body, no content type and Content-Length 0 passes on its way
 * out, gives it a problem body describing that request (the Content-Length is rewritten with it, so keep-alive and
 * pipelining stay framed). Answers to {@code HEAD} stay empty, as HTTP requires.
 * <p>
 * What this cannot do: answer a request that never becomes an HTTP message. A connection that sends no complete
 * request line, or bytes that are not HTTP at all, is closed by Netty without a response (there is no request to
 * answer); TLS and HTTP/2 are not enabled on this server.
 */
@Component
class EmptyErrorBodies implements NettyServerCustomizer {

	static final String HANDLER_NAME = "gateway.emptyErrorBodies";

	@Override
	public HttpServer apply(HttpServer server) {
		return server.doOnChannelInit((observer, channel, remoteAddress) -> {
			ChannelPipeline pipeline = channel.pipeline();
			if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null && pipeline.get(HANDLER_NAME) == null) {
				pipeline.addBefore(NettyPipeline.HttpTrafficHandler, HANDLER_NAME, new Handler());
			}
		});
	}

	/** What the handler knows about one request still waiting for its answer. */
	static final class Seen {

		final HttpMethod method;

		final String target;

		Throwable failure;

		Seen(HttpMethod method, String target, Throwable failure) {
			this.method = method;
			this.target = target;
			this.failure = failure;
		}

	}

	/** One per connection (not sharable): requests and answers of one connection arrive in order. */
	static final class Handler extends ChannelDuplexHandler {

		/** More requests pipelined ahead of their answers than this and the connection is no longer described. */
		static final int MAX_PENDING = 64;

		private final ArrayDeque<Seen> pending = new ArrayDeque<>();

		private boolean untracked;

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			if (msg instanceof HttpRequest request) {
				if (pending.size() >= MAX_PENDING) {
					untracked = true;
				}
				else if (!untracked) {
					Throwable failure = request.decoderResult().isFailure() ? request.decoderResult().cause() : null;
					pending.add(new Seen(request.method(), request.uri(), failure));
				}
			}
			else if (msg instanceof HttpContent content && content.decoderResult().isFailure() && !pending.isEmpty()) {
				pending.peekLast().failure = content.decoderResult().cause();
			}
			ctx.fireChannelRead(msg);
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
			if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
				Seen request = pending.poll();
				if (!untracked && request != null && !HttpMethod.HEAD.equals(request.method)
						&& response.status().code() >= 400 && emptyAndUndescribed(response)) {
					byte[] body = problem(response.status().code(), request, response.headers())
						.getBytes(StandardCharsets.UTF_8);
					if (response instanceof FullHttpResponse full) {
						FullHttpResponse described = full.replace(Unpooled.wrappedBuffer(body));
						full.release();
						describe(described.headers(), body.length);
						ctx.write(described, promise);
					}
					else {
						describe(response.headers(), body.length);
						ctx.write(response, promise);
						ctx.write(new DefaultHttpContent(Unpooled.wrappedBuffer(body)));
					}
					return;
				}
			}
			ctx.write(msg, promise);
		}

		private static void describe(HttpHeaders headers, int length) {
			headers.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			headers.setInt(HttpHeaderNames.CONTENT_LENGTH, length);
		}

	}

	/** An error answer that says nothing: no body (Content-Length 0), no content type, no encoding. */
	static boolean emptyAndUndescribed(HttpResponse response) {
		HttpHeaders headers = response.headers();
		if (headers.contains(HttpHeaderNames.CONTENT_TYPE) || headers.contains(HttpHeaderNames.CONTENT_ENCODING)
				|| headers.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
			return false;
		}
		if (response instanceof FullHttpResponse full) {
			return full.content().readableBytes() == 0 && headers.getInt(HttpHeaderNames.CONTENT_LENGTH, 0) == 0;
		}
		return "0".equals(headers.get(HttpHeaderNames.CONTENT_LENGTH));
	}

	/** The problem for an empty error answer to {@code request}: what was wrong with it, as far as it can be told. */
	static String problem(int status, Seen request, HttpHeaders responseHeaders) {
		Throwable failure = request.failure;
		if (failure != null) {
			Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
			if (cause instanceof TooLongHttpLineException || failure instanceof TooLongHttpLineException) {
				return json(status, "the request line (method, target and version) is too long; the request target may "
						+ "have at most " + BadRequestFilter.MAX_TARGET + " characters");
			}
			if (cause instanceof TooLongHttpHeaderException || failure instanceof TooLongHttpHeaderException) {
				return json(status, "the request headers are too large");
			}
			return json(status, "the request is not valid HTTP/1.1: the request line, a header or the body's framing "
					+ "(Content-Length, chunked encoding) is malformed");
		}
		if (status == 400 && request.target != null && !validUri(request.target)) {
			return invalidTarget(request.target);
		}
		return json(status, switch (status) {
			case 400 -> "the request is malformed";
			case 403 -> "this request is not allowed";
			case 404 -> InternalEndpointsFilter.NOT_FOUND_DETAIL;
			case 405 -> "this method is not supported here";
			case 408 -> "the request did not arrive in time";
			case 413 -> "the request body is too large";
			case 414 -> "the request target is too long";
			case 431 -> "the request headers are too large";
			default -> status >= 500 ? "the gateway could not answer; quote correlation id "
					+ responseHeaders.get(Correlation.HEADER, "(none)") : Problems.title(status);
		});
	}

	/** Names what is wrong with a target {@link URI} refuses: the path, or the query parameter at fault. */
	static String invalidTarget(String target) {
		int question = target.indexOf('?');
		String path = question < 0 ? target : target.substring(0, question);
		String query = question < 0 ? null : target.substring(question + 1);
		int hash = query == null ? -1 : query.indexOf('#');
		query = hash < 0 ? query : query.substring(0, hash);
		if (!validUri(path) || BadRequestFilter.malformedPath(path)) {
			return json(400, "the path is not a valid URI path: it holds a bad percent escape (such as %zz or a lone %) "
					+ "or a character that must be percent-encoded");
		}
		Problems.FieldError error = RequestTargets.queryProblem(query);
		if (error != null) {
			return Problems.json(400, "validation", "Bad Request", "the request is invalid: " + error.field() + " "
					+ error.rule(), error);
		}
		return json(400, "the query is not a valid URI query: it holds a character that must be percent-encoded");
	}

	static boolean validUri(String target) {
		try {
			new URI(target);
			return true;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String json(int status, String detail) {
		String type = status == 400 ? "malformed-request" : status >= 500 ? "internal" : String.valueOf(status);
		return Problems.json(status, type, Problems.title(status), detail, null);
	}

}
