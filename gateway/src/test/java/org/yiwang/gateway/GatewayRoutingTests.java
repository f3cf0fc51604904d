package org.yiwang.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With every service down: public catalog reads reach the circuit breaker and get a 503 problem naming the
 * service; protected routes are refused with 401 before routing; correlation ids come back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "CATALOG_URI=http://127.0.0.1:1", "APPLICATION_URI=http://127.0.0.1:1",
				"LICENSE_URI=http://127.0.0.1:1" })
@AutoConfigureWebTestClient
class GatewayRoutingTests {

	@Autowired
	WebTestClient client;

	@Test
	void unreachableServiceIsA503ProblemNamingIt() {
		client.get()
			.uri("/api/v1/catalog/items")
			.header("X-Correlation-Id", "test-corr-1")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("X-Correlation-Id", "test-corr-1")
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("catalog-service")
			.jsonPath("$.type")
			.isEqualTo("https://yiwang.dev/problems/service-unavailable");
	}

	@Test
	void protectedRoutesNeedAValidToken() {
		client.get().uri("/api/v1/applications").exchange().expectStatus().isUnauthorized()
			.expectBody().jsonPath("$.status").isEqualTo(401);
		client.get()
			.uri("/api/v1/licenses")
			.header("Authorization", "Bearer not-a-jwt")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void unsignedTokensAreRefused() {
		String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
		String claims = java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"sub\":\"x\",\"iss\":\"http://localhost:8180/realms/gov\",\"aud\":\"yiwang-api\",\"exp\":4102444800}".getBytes());
		client.get()
			.uri("/api/v1/licenses")
			.header("Authorization", "Bearer " + header + "." + claims + ".")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void corsAllowsOnlyThePortalOrigin() {
		client.options()
			.uri("/api/v1/catalog/items")
			.header("Origin", "http://localhost:5173")
			.header("Access-Control-Request-Method", "GET")
			.exchange()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "http://localhost:5173");
		client.options()
			.uri("/api/v1/catalog/items")
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "GET")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void securityHeadersAreSet() {
		client.get()
			.uri("/api/v1/applications")
			.exchange()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.exists("Content-Security-Policy");
	}

	@Test
	void unknownPathsAreDenied() {
		client.get().uri("/internal/anything").exchange().expectStatus().isUnauthorized();
	}

}
