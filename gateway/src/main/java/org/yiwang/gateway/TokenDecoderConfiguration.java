package org.yiwang.gateway;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.yiwang.shared.config.PlatformSecurityAutoConfiguration;
import org.yiwang.shared.security.JwtValidation;
import org.yiwang.shared.security.PlatformSecurityProperties;
import org.yiwang.shared.security.ReactiveValidatedTokens;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The gateway's token decoder: platform-shared's (issuer, audience and lifetime checks, validated tokens remembered),
 * but fetching Keycloak's signing keys with bounded time-outs. Spring Security's {@code NimbusReactiveJwtDecoder}
 * fetches them with {@code WebClient.create()}: no response time-out, a 30 s connect time-out, Reactor Netty's global
 * pool (45 s to wait for a connection). A Keycloak that accepts the connection and does not answer held the request
 * for as long as the caller would wait. Here the fetch has its own small pool, a connect and a response time-out
 * ({@link JwkSetClientProperties}), and a token check as a whole ends after {@code connectTimeout + timeout}: the
 * failure is not the token's fault, so {@link SecurityConfiguration} answers 503 (retry), not 401 (and not the 500
 * that Spring Security's default makes of a failed fetch).
 */
@Configuration(proxyBeanMethods = false)
class TokenDecoderConfiguration {

	@Bean(destroyMethod = "dispose")
	ConnectionProvider jwkSetConnections(JwkSetClientProperties client) {
		return ConnectionProvider.builder("jwk-set")
			.maxConnections(client.maxConnections())
			.pendingAcquireMaxCount(64)
			.pendingAcquireTimeout(client.timeout())
			.maxIdleTime(Duration.ofSeconds(30))
			.build();
	}

	@Bean
	ReactiveJwtDecoder reactiveJwtDecoder(PlatformSecurityProperties security, JwkSetClientProperties client,
			ConnectionProvider jwkSetConnections) {
		HttpClient http = HttpClient.create(jwkSetConnections)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) client.connectTimeout().toMillis())
			.responseTimeout(client.timeout());
		WebClient web = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
		NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSetUri(security.effectiveJwkSetUri())
			.webClient(web)
			.build();
		nimbus.setJwtValidator(JwtValidation.validator(security));
		ReactiveJwtDecoder remembered = ReactiveValidatedTokens
			.decorate(PlatformSecurityAutoConfiguration.validatedTokens(), nimbus);
		Duration bound = client.bound();
		return token -> remembered.decode(token)
			.timeout(bound, Mono.error(() -> new JwtException(
					"the identity provider's signing keys did not arrive within " + bound.toMillis() + " ms")))
			// Nimbus' decoder reports a failed key fetch as IllegalStateException("Could not obtain the keys"), which
			// Spring Security lets through as a 500; as a JwtException (not a BadJwtException) it is "could not be
			// checked", which SecurityConfiguration answers 503
			.onErrorMap(ex -> !(ex instanceof JwtException),
					ex -> new JwtException("the identity provider's signing keys could not be fetched: " + ex, ex));
	}

}
