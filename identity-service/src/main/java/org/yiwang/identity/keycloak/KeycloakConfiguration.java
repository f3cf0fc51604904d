package org.yiwang.identity.keycloak;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.yiwang.shared.web.DomainException;

import java.time.Duration;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The {@code keycloak} circuit breaker: opens after half of at least 5 recent calls failed (our own 4xx problems do
 * not count), stays open 15 s; each guarded operation is limited to the HTTP timeout plus a margin, since one
 * operation makes several HTTP calls.
 */
@Configuration(proxyBeanMethods = false)
class KeycloakConfiguration {

	static final String BREAKER = "keycloak";

	@Bean
	Customizer<Resilience4JCircuitBreakerFactory> keycloakBreaker(KeycloakProperties properties) {
		return factory -> factory.configure(builder -> builder.timeLimiterConfig(timeLimiter(properties.timeout()))
			.circuitBreakerConfig(circuitBreaker(10, 5)), BREAKER);
	}

	static TimeLimiterConfig timeLimiter(Duration httpTimeout) {
		return TimeLimiterConfig.custom().timeoutDuration(httpTimeout.multipliedBy(3).plus(Duration.ofSeconds(2))).build();
	}

	static CircuitBreakerConfig circuitBreaker(int window, int minimumCalls) {
		return CircuitBreakerConfig.custom()
			.slidingWindowSize(window)
			.minimumNumberOfCalls(minimumCalls)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(15))
			.ignoreException(KeycloakConfiguration::callersProblem)
			.build();
	}

	/** A 400/404/409 caused by the request does not say anything about Keycloak's health. */
	static boolean callersProblem(Throwable failure) {
		return failure instanceof DomainException && !(failure instanceof IdentityProviderUnavailableException);
	}

	@Bean
	KeycloakAdmin keycloakAdmin(KeycloakProperties properties,
			CircuitBreakerFactory<?, ?> breakers) {
		return new KeycloakAdmin(properties, RestClient.builder(), breakers.create(BREAKER));
	}

}
