package org.yiwang.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.yiwang.shared.testing.fuzz.FuzzTokens;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** What the gateway's request-level tests put around it: a stub backend on 127.0.0.1 and the fuzz tokens. */
final class StubBackends {

	private StubBackends() {
	}

	/** Tokens decoded by {@link FuzzTokens} instead of Keycloak's key set. */
	@TestConfiguration(proxyBeanMethods = false)
	static class FuzzTokenDecoder {

		@Bean
		@Primary
		ReactiveJwtDecoder fuzzJwtDecoder() {
			return token -> Mono.fromCallable(() -> FuzzTokens.decode(token));
		}

	}

	/** A started backend that reads every request body and answers {@code status} with this body. */
	static HttpServer answering(int status, String contentType, String body, Runnable onRequest) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", exchange -> {
				onRequest.run();
				try (InputStream in = exchange.getRequestBody()) {
					in.transferTo(OutputStream.nullOutputStream());
				}
				exchange.getResponseHeaders().add("Content-Type", contentType);
				exchange.sendResponseHeaders(status, bytes.length);
				exchange.getResponseBody().write(bytes);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
