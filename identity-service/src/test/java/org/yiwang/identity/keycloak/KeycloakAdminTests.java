package org.yiwang.identity.keycloak;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yiwang.identity.keycloak.KeycloakRequests.NewUser;
import org.yiwang.shared.web.ConflictException;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Timeouts and error mapping of the admin client against a misbehaving HTTP server on a real port. */
class KeycloakAdminTests {

	HttpServer server;

	final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

	@AfterEach
	void stop() {
		if (server != null) {
			server.stop(0);
		}
	}

	KeycloakAdmin admin(Duration timeout, int status, long delayMillis) throws IOException {
		return admin(timeout, status, delayMillis, "{\"errorMessage\":\"User exists with same username\"}");
	}

	KeycloakAdmin admin(Duration timeout, int status, long delayMillis, String errorBody) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			requests.incrementAndGet();
			try {
				Thread.sleep(delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.getRequestBody().readAllBytes();
			byte[] body = (exchange.getRequestURI().getPath().endsWith("/token")
					? "{\"access_token\":\"t\",\"expires_in\":300}" : errorBody)
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(exchange.getRequestURI().getPath().endsWith("/token") ? 200 : status,
					body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		KeycloakProperties properties = new KeycloakProperties("http://127.0.0.1:" + server.getAddress().getPort(),
				"gov", "identity-admin", "secret", timeout);
		Resilience4JCircuitBreakerFactory factory = new Resilience4JCircuitBreakerFactory(
				io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.ofDefaults(),
				io.github.resilience4j.timelimiter.TimeLimiterRegistry.ofDefaults(), null);
		factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
			.timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(timeout.multipliedBy(3)).build())
			.circuitBreakerConfig(KeycloakConfiguration.circuitBreaker(3, 3))
			.build());
		return new KeycloakAdmin(properties, RestClient.builder(), factory.create("keycloak"));
	}

	static NewUser user() {
		return new NewUser("someone", "某人", "someone@demo.yiwang.dev", "Demo-Passw0rd-2026", Map.of());
	}

	@Test
	void aSlowKeycloakIsAbandonedAfterTheTimeoutWithA503() throws Exception {
		KeycloakAdmin admin = admin(Duration.ofMillis(300), 201, 2_000);
		long started = System.nanoTime();
		assertThatThrownBy(() -> admin.createUser(user(), List.of("citizen")))
			.isInstanceOf(IdentityProviderUnavailableException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_900));
	}

	@Test
	void aConflictIsTheCallersProblemAndNeverOpensTheBreaker() throws Exception {
		KeycloakAdmin admin = admin(Duration.ofSeconds(5), 409, 0);
		for (int i = 0; i < 6; i++) {
			assertThatThrownBy(() -> admin.createUser(user(), List.of("citizen")))
				.isInstanceOf(ConflictException.class);
		}
	}

	@Test
	void aPasswordPolicyRefusalIsA400OnThePasswordField() throws Exception {
		KeycloakAdmin admin = admin(Duration.ofSeconds(5), 400, 0,
				"{\"errorMessage\":\"invalidPasswordMinLengthMessage\",\"params\":[\"12\"]}");
		assertThatThrownBy(() -> admin.createUser(user(), List.of("citizen")))
			.isInstanceOfSatisfying(org.yiwang.shared.web.InvalidRequestException.class,
					ex -> assertThat(ex.field()).isEqualTo("password"))
			.hasMessageContaining("invalidPasswordMinLengthMessage")
			.hasMessageNotContaining("Demo-Passw0rd");
	}

	@Test
	void serverErrorsBecome503AndOpenTheBreaker() throws Exception {
		KeycloakAdmin admin = admin(Duration.ofSeconds(5), 500, 0);
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> admin.createUser(user(), List.of("citizen")))
				.isInstanceOf(IdentityProviderUnavailableException.class)
				.hasMessageNotContaining("OPEN");
		}
		int before = requests.get();
		// the breaker is open now: refused at once, without a request reaching Keycloak
		assertThatThrownBy(() -> admin.createUser(user(), List.of("citizen")))
			.isInstanceOf(IdentityProviderUnavailableException.class);
		assertThat(requests.get()).isEqualTo(before);
	}

}
