package org.yiwang.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.testing.fuzz.FuzzTokens;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 part 4 at the gateway's edge, on a real Netty server: what Reactor Netty, Spring's request adapter,
 * Spring Security's firewall and WebFlux answer by themselves is RFC 9457 problem details naming what was wrong, never
 * an empty body; WebFlux's 404/405 carry {@code type} and {@code title}; the circuit breakers' {@code /fallback/**}
 * does not exist for clients while a route's fallback still answers. Raw sockets, because no HTTP client sends
 * {@code %zz}, {@code FOO} or a 70,000-character request line.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StubBackends.FuzzTokenDecoder.class)
class ClientMistakeProblemsTest {

	static final AtomicInteger FORWARDED = new AtomicInteger();

	/** Behind the catalog, application and licence routes: counts what reaches it and answers 200. */
	static final HttpServer BACKEND = backend();

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		String uri = "http://127.0.0.1:" + BACKEND.getAddress().getPort();
		for (String name : List.of("CATALOG_URI", "APPLICATION_URI", "LICENSE_URI", "IDENTITY_URI")) {
			registry.add(name, () -> uri);
		}
		// nothing listens on port 1: the exchange route's backend is down
		registry.add("EXCHANGE_URI", () -> "http://127.0.0.1:1");
	}

	@LocalServerPort
	int port;

	@AfterAll
	static void stopBackend() {
		BACKEND.stop(0);
	}

	static HttpServer backend() {
		return StubBackends.answering(200, "application/json", "{\"ok\":true}", FORWARDED::incrementAndGet);
	}

	RawConnection.Response send(String method, String target, Map<String, String> headers) {
		return RawConnection.exchange(port, method, target, headers);
	}

	RawConnection.Response send(String method, String target) {
		return send(method, target, Map.of());
	}

	static Map<String, String> token() {
		return FuzzTokens.authorization();
	}

	/** Status, problem+json, and the four members with the expected type; returns the body for more checks. */
	static JsonNode assertProblem(RawConnection.Response response, int status, String type) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
		assertThat(response.headers().get("content-length")).as(response.toString())
			.isEqualTo(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length));
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).as(response.toString())
			.isEqualTo("https://yiwang.dev/problems/" + type);
		assertThat(problem.path("title").asString()).as(response.toString()).isNotBlank();
		assertThat(problem.path("status").asInt()).as(response.toString()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).as(response.toString()).isNotBlank();
		return problem;
	}

	// 1. what is refused below WebFlux

	@Test
	void aBadPercentEscapeInThePathIsAProblemNotAnEmpty400() {
		for (String target : List.of("/api/v1/%zz", "/api/v1/catalog/items/%", "/api/v1/catalog/%zz/items")) {
			JsonNode problem = assertProblem(send("GET", target, token()), 400, "malformed-request");
			assertThat(problem.path("title").asString()).isEqualTo("Bad Request");
			assertThat(problem.path("detail").asString()).contains("path").contains("percent escape");
		}
	}

	@Test
	void anUndecodableQueryNamesTheParameter() {
		for (String target : List.of("/api/v1/catalog/items?x=%zz", "/api/v1/catalog/items?page=1&x=%",
				"/api/v1/applications?x=%zz")) {
			JsonNode problem = assertProblem(send("GET", target, token()), 400, "validation");
			assertThat(problem.path("errors").get(0).path("field").asString()).as(target).isEqualTo("x");
			assertThat(problem.path("detail").asString()).contains("x");
		}
	}

	@Test
	void aCharacterThatMustBeEncodedIsAProblem() {
		JsonNode problem = assertProblem(send("GET", "/api/v1/catalog/items?q={a|b}"), 400, "malformed-request");
		assertThat(problem.path("detail").asString()).contains("query").contains("percent-encoded");
	}

	@Test
	void encodedTraversalIsAProblemAndIsNotForwarded() {
		int before = FORWARDED.get();
		for (String target : List.of("/api/v1/catalog/items/..%2F..%2Fadmin", "/api/v1/catalog/..%2f/items",
				"/api/v1/catalog/items/%2e%2e/x")) {
			JsonNode problem = assertProblem(send("GET", target, token()), 400, "malformed-request");
			assertThat(problem.path("detail").asString()).contains("path");
		}
		assertThat(FORWARDED.get()).isEqualTo(before);
	}

	@Test
	void anUnknownMethodIsAProblemNamingIt() {
		for (String method : List.of("FOO", "BREW")) {
			JsonNode problem = assertProblem(send(method, "/api/v1/catalog/items", token()), 400, "malformed-request");
			assertThat(problem.path("detail").asString()).contains("method " + method).contains("GET");
		}
	}

	@Test
	void aPathTheFirewallRefusesIsAProblemNamingTheRule() {
		for (String target : List.of("/api/v1/catalog;jsessionid=1/items", "/api/v1//catalog/items",
				"/api/v1/catalog/items/%25")) {
			JsonNode problem = assertProblem(send("GET", target, token()), 400, "malformed-request");
			assertThat(problem.path("detail").asString()).as(target).startsWith("the path");
		}
	}

	@Test
	void aControlCharacterInAHeaderValueIsAProblem() {
		// Netty lets obs-text through (U+0085 is a C1 control); Spring Security's firewall refuses it when it is read
		JsonNode problem = assertProblem(send("GET", "/api/v1/catalog/items", Map.of("X-Correlation-Id", "abc\u0085")),
				400, "malformed-request");
		assertThat(problem.path("detail").asString()).contains("header value");
	}

	@Test
	void aRequestLineLongerThanNettyTakesIs414Problem() {
		// above server.netty.max-initial-line-length (64 KB): Netty's decoder refuses it before Spring runs
		JsonNode problem = assertProblem(send("GET", "/api/v1/catalog/items/" + "a".repeat(70_000)), 414, "414");
		assertThat(problem.path("detail").asString()).contains("request line").contains("too long");
		// above the gateway's own limit but within Netty's: the WebFilter's 414
		assertProblem(send("GET", "/api/v1/catalog/items?q=" + "b".repeat(9_000)), 414, "414");
	}

	@Test
	void headersLargerThanNettyTakesAre431Problem() {
		JsonNode problem = assertProblem(send("GET", "/api/v1/catalog/items", Map.of("X-Big", "c".repeat(20_000))),
				431, "431");
		assertThat(problem.path("detail").asString()).contains("headers").contains("too large");
	}

	@Test
	void aRequestThatIsNotHttp11IsAProblem() throws IOException {
		try (RawConnection connection = new RawConnection(port, Duration.ofSeconds(20))) {
			connection.sendRaw("GET /api/v1/catalog/items HTTP/1.x\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			JsonNode problem = assertProblem(connection.read(false), 400, "malformed-request");
			assertThat(problem.path("detail").asString()).contains("not valid HTTP/1.1");
		}
		try (RawConnection connection = new RawConnection(port, Duration.ofSeconds(20))) {
			connection.sendRaw("GET /api/v1/catalog/items HTTP/1.1\r\nHost: x\r\nX-Bad\u0001Name: 1\r\n\r\n"
				.getBytes(StandardCharsets.ISO_8859_1));
			assertProblem(connection.read(false), 400, "malformed-request");
		}
	}

	@Test
	void aBodyAboveTheLimitIs413ProblemAndIsNotForwarded() throws IOException {
		int before = FORWARDED.get();
		try (RawConnection connection = new RawConnection(port, Duration.ofSeconds(20))) {
			// the head alone: the gateway answers from Content-Length, before reading a byte of the body
			connection.sendRaw(("POST /api/v1/applications HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
					+ FuzzTokens.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: "
					+ (11 * 1024 * 1024) + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
			JsonNode problem = assertProblem(connection.read(false), 413, "413");
			assertThat(problem.path("detail").asString()).contains("10 MB");
		}
		assertThat(FORWARDED.get()).isEqualTo(before);
	}

	@Test
	void aChunkedBodyPastTheLimitIs413Problem() throws IOException {
		assertThat(sendChunked(1024 * 1024).body()).isEqualTo("{\"ok\":true}");
		int before = FORWARDED.get();
		JsonNode problem = assertProblem(sendChunked(11 * 1024 * 1024), 413, "413");
		assertThat(problem.path("detail").asString()).contains("10 MB");
		assertThat(FORWARDED.get()).isEqualTo(before);
	}

	/** POST {@code size} bytes of JSON-ish body with Transfer-Encoding: chunked (no Content-Length). */
	RawConnection.Response sendChunked(int size) throws IOException {
		try (RawConnection connection = new RawConnection(port, Duration.ofSeconds(20))) {
			connection.sendRaw(("POST /api/v1/applications HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
					+ FuzzTokens.TOKEN + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
					+ "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
			try {
				for (int sent = 0; sent < size; sent += chunk.length) {
					int length = Math.min(chunk.length, size - sent);
					connection.sendRaw((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
					connection.sendRaw(java.util.Arrays.copyOf(chunk, length));
					connection.sendRaw("\r\n".getBytes(StandardCharsets.US_ASCII));
				}
				connection.sendRaw("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			catch (IOException ex) {
				// the gateway may answer and close before the whole body is sent: read its answer
			}
			return connection.read(false);
		}
	}

	@Test
	void anAnswerToHeadStaysWithoutABody() throws IOException {
		for (String target : List.of("/api/v1/%zz", "/actuator/health/no-such-group")) {
			try (RawConnection connection = new RawConnection(port, Duration.ofSeconds(20))) {
				connection.send("HEAD", target, Map.of("Connection", "close"), null);
				RawConnection.Response response = connection.read(true);
				assertThat(response.status()).isGreaterThanOrEqualTo(400);
				assertThat(response.headers()).as(response.toString()).doesNotContainKey("content-type");
				assertThat(connection.readToEnd()).as("bytes after the head of %s", response).isEmpty();
			}
		}
	}

	@Test
	void aDescribedEmptyAnswerKeepsTheConnectionFramed() throws IOException {
		try (RawConnection connection = new RawConnection(port, Duration.ofSeconds(20))) {
			// Actuator answers an unknown health group 404 with no body; the CORS check refuses an origin with none
			connection.send("GET", "/actuator/health/no-such-group", Map.of(), null);
			JsonNode notFound = assertProblem(connection.read(false), 404, "404");
			assertThat(notFound.path("detail").asString()).isEqualTo("no route or resource at this path");
			connection.send("OPTIONS", "/api/v1/catalog/items",
					Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "GET"), null);
			assertProblem(connection.read(false), 403, "403");
			connection.send("GET", "/api/v1/catalog/items", Map.of(), null);
			RawConnection.Response proxied = connection.read(false);
			assertThat(proxied.status()).as(proxied.toString()).isEqualTo(200);
			assertThat(proxied.body()).isEqualTo("{\"ok\":true}");
		}
	}

	@Test
	void pipelinedRequestsAreAnsweredInOrderEachDescribed() throws IOException {
		try (RawConnection connection = new RawConnection(port, Duration.ofSeconds(20))) {
			connection.sendRaw(("GET /actuator/health/no-such-group HTTP/1.1\r\nHost: x\r\n\r\n"
					+ "HEAD /actuator/health/no-such-group HTTP/1.1\r\nHost: x\r\n\r\n"
					+ "GET /api/v1/catalog/items HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			assertProblem(connection.read(false), 404, "404");
			RawConnection.Response head = connection.read(true);
			assertThat(head.status()).isEqualTo(404);
			assertThat(head.headers()).doesNotContainKey("content-type");
			assertThat(connection.read(false).body()).isEqualTo("{\"ok\":true}");
		}
	}

	// 2. WebFlux's own 404 and 405

	@Test
	void noRouteIs404ProblemWithTypeAndTitle() {
		for (String method : List.of("GET", "POST", "DELETE")) {
			JsonNode problem = assertProblem(send(method, "/api/v1/nothing-here", token()), 404, "404");
			assertThat(problem.path("title").asString()).isEqualTo("Not Found");
			assertThat(problem.path("detail").asString()).isEqualTo("no route or resource at this path");
		}
	}

	@Test
	void aMethodTheEndpointDoesNotTakeIs405ProblemNamingIt() {
		RawConnection.Response response = send("POST", "/actuator/health");
		JsonNode problem = assertProblem(response, 405, "405");
		assertThat(problem.path("title").asString()).isEqualTo("Method Not Allowed");
		assertThat(problem.path("detail").asString()).contains("POST").contains("GET");
		assertThat(response.headers().get("allow")).isEqualTo("GET");
	}

	// 3. the circuit breakers' fallback endpoint is internal

	@Test
	void theFallbackEndpointDoesNotExistForClients() {
		Map<String, String> anonymous = Map.of();
		for (Map<String, String> headers : List.of(anonymous, token())) {
			for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
				for (String target : List.of("/fallback/catalog-service", "/fallback/application-service",
						"/fallback/anything", "/fallback", "/fallback/", "/%66allback/catalog-service",
						"/fallback/catalog-service?x=1")) {
					RawConnection.Response response = send(method, target, headers);
					JsonNode problem = assertProblem(response, 404, "404");
					assertThat(problem.path("detail").asString()).isEqualTo("no route or resource at this path");
					assertThat(problem.has("service")).as(response.toString()).isFalse();
				}
			}
		}
		// a matrix parameter does not sneak past either (the firewall refuses ';' first)
		assertThat(send("GET", "/fallback;x=1/catalog-service", token()).status()).isBetween(400, 404);
	}

	@Test
	void aRouteWhoseServiceIsDownStillGetsTheFallbackProblem() {
		RawConnection.Response response = send("GET", "/api/v1/exchange/resources", token());
		JsonNode problem = assertProblem(response, 503, "service-unavailable");
		assertThat(problem.path("service").asString()).isEqualTo("exchange-service");
		assertThat(response.headers().get("retry-after")).isEqualTo("5");
	}

}
