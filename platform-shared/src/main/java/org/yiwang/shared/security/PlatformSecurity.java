package org.yiwang.shared.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * The common part of every service's security filter chain: stateless bearer-token resource server, Keycloak
 * roles, problem-details 401/403. Each service adds its own {@code authorizeHttpRequests} rules.
 */
public final class PlatformSecurity {

	private PlatformSecurity() {
	}

	public static HttpSecurity resourceServer(HttpSecurity http) throws Exception {
		return http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.oauth2ResourceServer(oauth -> oauth
				.jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakJwtAuthenticationConverter()))
				.authenticationEntryPoint(ProblemSecurityHandlers.authenticationEntryPoint())
				.accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler()))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(ProblemSecurityHandlers.authenticationEntryPoint())
				.accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler()));
	}

}
