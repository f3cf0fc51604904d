package org.yiwang.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.shared.security.KeycloakJwtAuthenticationConverter;
import org.yiwang.shared.security.PlatformSecurityProperties;
import org.yiwang.shared.web.Problems;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway validates every bearer token (issuer, audience, signature, lifetime) before routing; browsing the
 * catalog is public. Services check roles, ownership and department scope themselves.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
			@Value("${platform.gateway.cors.allowed-origins:http://localhost:5173,http://localhost:8080}") List<String> origins,
			PlatformSecurityProperties security) {
		String keycloak = security.issuer().substring(0, Math.max(0, security.issuer().indexOf("/realms/")));
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.cors(cors -> cors.configurationSource(corsSource(origins)))
			.headers(headers -> headers
				// the portal's own scripts only; login traffic to Keycloak; no framing of the portal
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
						+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' "
						+ keycloak + "; frame-src " + keycloak + "; form-action 'self' " + keycloak
						+ "; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"))
				.referrerPolicy(referrer -> referrer
					.policy(org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER)))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.authorizeExchange(exchange -> exchange.pathMatchers("/actuator/health/**", "/actuator/info")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.ico", "/portal-config.json")
				.permitAll()
				.pathMatchers(HttpMethod.GET, "/api/v1/catalog/**")
				.permitAll()
				// a personalised plan for a theme (一件事) is asked for before logging in
				.pathMatchers(HttpMethod.POST, "/api/v1/catalog/themes/*/plan")
				.permitAll()
				// anyone may check a licence: public keys, status lists, verification (rate-limited per IP)
				.pathMatchers(HttpMethod.GET, "/api/v1/licenses/jwks", "/api/v1/licenses/jwks/*",
						"/api/v1/licenses/status-lists/*/*", "/api/v1/licenses/types", "/api/v1/licenses/types/*")
				.permitAll()
				.pathMatchers(HttpMethod.POST, "/api/v1/licenses/verify")
				.permitAll()
				// citizens register before they have an account (rate-limited per IP like every anonymous call)
				.pathMatchers(HttpMethod.POST, "/api/v1/identity/registrations")
				.permitAll()
				.pathMatchers(HttpMethod.OPTIONS, "/**")
				.permitAll()
				// service-to-service only (platform services call each other directly, never through the gateway):
				// the applicant's plain ID number, the e-licence library's provider API
				.pathMatchers("/api/v1/identity/subject-resolutions", "/api/v1/identity/subject-resolutions/**",
						"/api/v1/licenses/library/**")
				.denyAll()
				.pathMatchers("/api/**")
				.authenticated()
				.anyExchange()
				.denyAll())
			.oauth2ResourceServer(oauth -> oauth
				.jwt(jwt -> jwt.jwtAuthenticationConverter(
						new ReactiveJwtAuthenticationConverterAdapter(new KeycloakJwtAuthenticationConverter())))
				.authenticationEntryPoint((exchange, ex) -> problem(exchange, HttpStatus.UNAUTHORIZED,
						"unauthenticated", "a valid bearer token is required"))
				.authenticationFailureHandler(SecurityConfiguration::tokenRefused))
			.exceptionHandling(ex -> ex
				.authenticationEntryPoint((exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated",
						"a valid bearer token is required"))
				.accessDeniedHandler((exchange, e) -> problem(exchange, HttpStatus.FORBIDDEN, "forbidden",
						"this request is not allowed")))
			.build();
	}

	/**
	 * What Spring Security's firewall refuses (an unknown method, {@code ;} or {@code //} in the path, a control
	 * character in a header) as a problem naming the rule, instead of an empty 400.
	 */
	@Bean
	ServerExchangeRejectedHandler exchangeRejectedHandler() {
		return new FirewallRejections();
	}

	/**
	 * A bearer token that is invalid (signature, issuer, audience, lifetime, syntax) is 401. A token that could not be
	 * checked because Keycloak's signing keys did not arrive ({@link TokenDecoderConfiguration}: Keycloak down, slow
	 * or answering nonsense) is no fault of the caller: 503 with Retry-After, promptly, never a hang or a 500.
	 */
	static Mono<Void> tokenRefused(WebFilterExchange exchange, AuthenticationException ex) {
		if (ex instanceof AuthenticationServiceException) {
			log.warn("bearer token not checked, the identity provider's keys are unavailable: {}", ex.getMessage());
			exchange.getExchange().getResponse().getHeaders().set("Retry-After", "5");
			return problem(exchange.getExchange(), HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
					"the bearer token could not be checked: the identity provider's signing keys are unavailable "
							+ "right now; please retry shortly");
		}
		return problem(exchange.getExchange(), HttpStatus.UNAUTHORIZED, "unauthenticated",
				"the bearer token is invalid or expired; a valid bearer token is required");
	}

	/** Browsers may call the API only from the portal's origin(s). */
	static CorsConfigurationSource corsSource(List<String> origins) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(origins);
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Correlation-Id", "If-Match"));
		cors.setExposedHeaders(List.of("X-Correlation-Id", "Retry-After", "Location", "ETag"));
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", cors);
		return source;
	}

	static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String type, String detail) {
		var response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.getHeaders().set("WWW-Authenticate", "Bearer realm=\"gov\"");
		}
		String body = Problems.json(status.value(), type, status.getReasonPhrase(), detail, null);
		DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(buffer));
	}

}
