package org.yiwang.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.testing.fuzz.FuzzTokens;
import org.yiwang.shared.testing.fuzz.RawHttp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 part 4 at the gateway: the bad-input corpus against every route, over a raw socket (WebTestClient and
 * {@link java.net.URI} refuse to send {@code %zz} or a 20,000-character target). Behind every route is one stub
 * backend that answers 400 problem details, so whatever the gateway forwards comes back as a 4xx: any 5xx or
 * non-problem answer is the gateway's own. No gap is tolerated: what Reactor Netty and Spring answer below WebFlux
 * ({@link EmptyErrorBodies}), the firewall ({@link FirewallRejections}), WebFlux's 404/405
 * ({@link GatewayProblemDetails}) and the internal {@code /fallback/**} ({@link InternalEndpointsFilter}) included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StubBackends.FuzzTokenDecoder.class)
class BadInputFuzzTest {

	static final HttpServer BACKEND = backend();

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		String uri = "http://127.0.0.1:" + BACKEND.getAddress().getPort();
		for (String name : List.of("CATALOG_URI", "APPLICATION_URI", "LICENSE_URI", "IDENTITY_URI", "EXCHANGE_URI")) {
			registry.add(name, () -> uri);
		}
	}

	@LocalServerPort
	int port;

	@AfterAll
	static void stopBackend() {
		BACKEND.stop(0);
	}

	static HttpServer backend() {
		return StubBackends.answering(400, "application/problem+json",
				"{\"type\":\"https://yiwang.dev/problems/validation\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"stub\"}",
				() -> {
				});
	}

	@Test
	void noBadInputGetsA5xxOrAnythingButAProblem() {
		List<String> prefixes = List.of("/api/v1/catalog/items", "/api/v1/applications", "/api/v1/cases",
				"/api/v1/licenses", "/api/v1/identity/me", "/api/v1/exchange/resources", "/api/v1/nothing-here",
				"/fallback/catalog-service", "/actuator/health", "/portal-config");
		List<String> suffixes = List.of("?x=%ff", "?x=%zz", "?%ff=1", "?x=%e4%b8", "?x=%", "/%ff", "/%zz",
				"/..%2F..%2Fetc%2Fpasswd", "/%2e%2e/%2e%2e/admin", "/..;/x", "/%00", "/%5c..%5c", "/" + "a".repeat(9000),
				"?q=" + "b".repeat(9000), "/" + "c".repeat(20_000), "/" + "d".repeat(70_000), "/%F0%9F%92%A9",
				"/fuzz-0001?size=abc", "?q={a|b}", "/a|b", "/x;y=1", "//double");
		Map<String, Map<String, String>> headerSets = new LinkedHashMap<>();
		headerSets.put("token", FuzzTokens.authorization());
		headerSets.put("no token", Map.of());
		headerSets.put("bad token", Map.of("Authorization", "Bearer not-a-token"));
		List<String> failures = new ArrayList<>();
		int inputs = 0;
		for (String prefix : prefixes) {
			for (Map.Entry<String, Map<String, String>> headers : headerSets.entrySet()) {
				for (String suffix : suffixes) {
					inputs++;
					judge(failures, "GET " + prefix + abbreviate(suffix) + " (" + headers.getKey() + ")",
							RawHttp.send(port, "GET", prefix + suffix, headers.getValue(), null));
				}
				Map<String, String> json = new LinkedHashMap<>(headers.getValue());
				json.put("Content-Type", "application/json");
				for (String body : List.of("{", "{\"promisedDays\":1.5,\"onceOnly\":2}", "[]", "null")) {
					inputs++;
					judge(failures, "POST " + prefix + " " + body + " (" + headers.getKey() + ")",
							RawHttp.send(port, "POST", prefix, json, body.getBytes(StandardCharsets.UTF_8)));
				}
				Map<String, String> multipart = new LinkedHashMap<>(headers.getValue());
				multipart.put("Content-Type", "multipart/form-data");
				inputs++;
				judge(failures, "POST " + prefix + " multipart without boundary (" + headers.getKey() + ")",
						RawHttp.send(port, "POST", prefix, multipart, "abc".getBytes(StandardCharsets.UTF_8)));
				for (String method : List.of("BREW", "FOO", "TRACE", "CONNECT")) {
					inputs++;
					judge(failures, method + " " + prefix + " (" + headers.getKey() + ")",
							RawHttp.send(port, method, prefix, headers.getValue(), null));
				}
				Map<String, String> huge = new LinkedHashMap<>(headers.getValue());
				huge.put("X-Big", "h".repeat(20_000));
				inputs++;
				judge(failures, "GET " + prefix + " with a 20 KB header (" + headers.getKey() + ")",
						RawHttp.send(port, "GET", prefix, huge, null));
			}
			inputs++;
			judge(failures, "POST " + prefix + " 11 MB body", RawHttp.send(port, "POST", prefix, Map.of(
					"Authorization", "Bearer " + FuzzTokens.TOKEN, "Content-Type", "application/json"),
					("{\"name\":\"" + "a".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8)));
		}
		System.out.printf("FUZZ gateway: %d inputs, %d failures%n", inputs, failures.size());
		failures.stream().limit(40).forEach(f -> System.out.println("FUZZ FAILURE " + f));
		try {
			java.nio.file.Files.write(java.nio.file.Path.of("target", "fuzz-gateway.txt"), failures);
		}
		catch (IOException ex) {
			// the report file is a convenience; the assertion carries the failures
		}
		assertThat(failures).isEmpty();
	}

	private static void judge(List<String> failures, String what, RawHttp.Response response) {
		String summary = what + " → " + response.status() + " " + response.contentType() + " "
				+ abbreviate(response.body());
		if (response.status() >= 500) {
			failures.add("5xx: " + summary);
		}
		else if (response.status() >= 400) {
			if (!response.contentType().startsWith("application/problem+json")) {
				failures.add("not problem+json: " + summary);
			}
			else if (!response.body().contains("\"type\"") || !response.body().contains("\"title\"")
					|| !response.body().contains("\"status\"") || !response.body().contains("\"detail\"")) {
				failures.add("incomplete problem: " + summary);
			}
		}
	}

	private static String abbreviate(String text) {
		return text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + ")" : text;
	}

}
