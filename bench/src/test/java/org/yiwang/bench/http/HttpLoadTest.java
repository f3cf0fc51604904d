package org.yiwang.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpLoadTest {

	private HttpServer server;

	private final AtomicInteger calls = new AtomicInteger();

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		server.createContext("/fixed", exchange -> {
			calls.incrementAndGet();
			byte[] body = "{\"valid\":true}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.createContext("/chunked", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write("{\"part\":1,".getBytes(StandardCharsets.UTF_8));
				out.flush();
				out.write("\"part\":2}".getBytes(StandardCharsets.UTF_8));
			}
		});
		server.createContext("/busy", exchange -> {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	@Test
	void readsFixedLengthAndChunkedAnswers() {
		HttpLoad load = new HttpLoad(Duration.ofSeconds(5));

		HttpLoad.Answer fixed = load.once(HttpRequestSpec.get(url("/fixed"), "token"));
		HttpLoad.Answer chunked = load.once(HttpRequestSpec.postJson(url("/chunked"), "{\"credential\":\"x\"}"));

		assertThat(fixed.status()).isEqualTo(200);
		assertThat(fixed.body()).isEqualTo("{\"valid\":true}");
		assertThat(chunked.status()).isEqualTo(200);
		assertThat(chunked.body()).isEqualTo("{\"part\":1,\"part\":2}");
	}

	@Test
	void aRoundHoldsItsConnectionsAndCountsEveryAnswer() {
		LoadResult result = new HttpLoad(Duration.ofSeconds(5)).run("test", HttpRequestSpec.get(url("/fixed"), null), 4,
				Duration.ofMillis(300));

		assertThat(result.connections()).isEqualTo(4);
		assertThat(result.ok()).isPositive().isLessThanOrEqualTo(calls.get());
		assertThat(result.latencyMicros().getTotalCount()).isGreaterThanOrEqualTo(result.answers());
		assertThat(result.count("errors")).isZero();
		assertThat(result.connectionsOpened()).isEqualTo(4);
	}

	@Test
	void countsServiceUnavailableSeparately() {
		LoadResult result = new HttpLoad(Duration.ofSeconds(5)).run("busy", HttpRequestSpec.get(url("/busy"), null), 2,
				Duration.ofMillis(200));

		assertThat(result.count("503")).isPositive();
		assertThat(result.ok()).isZero();
		assertThat(result.throughputPerSecond()).isZero();
	}

	@Test
	void mergedRoundsAddUp() {
		HttpLoad load = new HttpLoad(Duration.ofSeconds(5));
		LoadResult first = load.run("a", HttpRequestSpec.get(url("/fixed"), null), 2, Duration.ofMillis(100));
		LoadResult second = load.run("a", HttpRequestSpec.get(url("/fixed"), null), 2, Duration.ofMillis(100));

		LoadResult merged = first.merge(second);

		assertThat(merged.ok()).isEqualTo(first.ok() + second.ok());
		assertThat(merged.elapsedMillis()).isEqualTo(first.elapsedMillis() + second.elapsedMillis());
		assertThat(merged.latencyMicros().getTotalCount())
			.isEqualTo(first.latencyMicros().getTotalCount() + second.latencyMicros().getTotalCount());
		assertThat(merged.rounds()).isEqualTo(2);
	}

	@Test
	void onlyLoopbackTargets() {
		assertThatThrownBy(() -> HttpRequestSpec.get("http://192.0.2.10:8080/api", null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("loopback");
		assertThatThrownBy(() -> HttpRequestSpec.get("https://localhost:8443/api", null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(HttpRequestSpec.get("http://localhost:8080/x", null).address().isLoopbackAddress()).isTrue();
	}

}
