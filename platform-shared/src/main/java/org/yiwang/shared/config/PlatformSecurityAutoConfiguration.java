package org.yiwang.shared.config;

import java.time.Clock;
import java.time.Duration;

import org.yiwang.shared.security.JwtValidation;
import org.yiwang.shared.security.PlatformSecurityProperties;
import org.yiwang.shared.security.ReactiveValidatedTokens;
import org.yiwang.shared.security.ValidatedTokens;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * Keycloak token validation: keys from the realm's JWKS (fetched lazily, so a service starts before Keycloak),
 * issuer, lifetime and audience checked.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration" })
@ConditionalOnClass(NimbusJwtDecoder.class)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

	static final Duration JWK_SET_CONNECT_TIMEOUT = Duration.ofSeconds(2);

	static final Duration JWK_SET_READ_TIMEOUT = Duration.ofSeconds(5);

	/** Validated tokens remembered until their expiry, at most 5 minutes, 10,000 per process. */
	public static ValidatedTokens validatedTokens() {
		return new ValidatedTokens(10_000, Duration.ofMinutes(5), Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class Servlet {

		/**
		 * Keycloak's signing keys are fetched on the first token and whenever a token names an unknown key id: with
		 * bounded time-outs, so a Keycloak that accepts a connection and never answers cannot hold requests.
		 */
		static RestTemplate jwkSetClient() {
			SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
			factory.setConnectTimeout(JWK_SET_CONNECT_TIMEOUT);
			factory.setReadTimeout(JWK_SET_READ_TIMEOUT);
			return new RestTemplate(factory);
		}

		@Bean
		@ConditionalOnMissingBean
		JwtDecoder jwtDecoder(PlatformSecurityProperties properties) {
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
				.restOperations(jwkSetClient())
				.build();
			decoder.setJwtValidator(JwtValidation.validator(properties));
			return validatedTokens().decorate(decoder);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class Reactive {

		@Bean
		@ConditionalOnMissingBean
		ReactiveJwtDecoder reactiveJwtDecoder(PlatformSecurityProperties properties) {
			NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
				.withJwkSetUri(properties.effectiveJwkSetUri())
				.build();
			decoder.setJwtValidator(JwtValidation.validator(properties));
			return ReactiveValidatedTokens.decorate(validatedTokens(), decoder);
		}

	}

}
