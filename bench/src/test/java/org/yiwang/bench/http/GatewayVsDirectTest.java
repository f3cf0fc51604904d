package org.yiwang.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayVsDirectTest {

	private final List<HttpServer> servers = new java.util.ArrayList<>();

	private final Set<String> bearers = ConcurrentHashMap.newKeySet();

	@AfterEach
	void stop() {
		servers.forEach(s -> s.stop(0));
	}

	private String serve(int status) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		server.createContext(GatewayVsDirect.ITEM_PATH, exchange -> {
			bearers.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			byte[] body = "{\"itemCode\":\"44030000SCJG-XK-0001\"}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.start();
		servers.add(server);
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	@Test
	void comparesBothSidesAtEachLevelWithAFreshTokenPerLevel() throws IOException {
		AtomicInteger issued = new AtomicInteger();
		GatewayVsDirect comparison = new GatewayVsDirect(serve(200), serve(200), () -> "token-" + issued.incrementAndGet(),
				new HttpLoad(Duration.ofSeconds(5)), line -> {
				});

		GatewayVsDirect.Comparison result = comparison.run(List.of(2, 4), Duration.ofMillis(150), 2, Duration.ofMillis(50));

		assertThat(result.levels()).extracting(GatewayVsDirect.Level::connections).containsExactly(2, 4);
		for (GatewayVsDirect.Level level : result.levels()) {
			assertThat(level.gateway().rounds()).isEqualTo(2);
			assertThat(level.direct().rounds()).isEqualTo(2);
			assertThat(level.gateway().ok()).isPositive();
			assertThat(level.direct().ok()).isPositive();
			assertThat(level.gateway().count("503")).isZero();
			assertThat(level.ratio()).isPositive();
		}
		assertThat(issued.get()).isEqualTo(2);
		assertThat(bearers).containsExactlyInAnyOrder("Bearer token-1", "Bearer token-2");
	}

	@Test
	void refusesToMeasureAnEndpointThatDoesNotAnswer200() throws IOException {
		GatewayVsDirect comparison = new GatewayVsDirect(serve(200), serve(500), () -> "t",
				new HttpLoad(Duration.ofSeconds(5)), line -> {
				});

		assertThatThrownBy(() -> comparison.run(List.of(2), Duration.ofMillis(100), 1, Duration.ZERO))
			.hasMessageContaining("direct 500");
	}

}
