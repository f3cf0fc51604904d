package org.yiwang.shared.security;

import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;

/**
 * The common part of every service's security filter chain: stateless bearer-token resource server, Keycloak
 * roles, problem-details 401/403, partner apps confined to their consented scopes. Each service adds its own
 * {@code authorizeHttpRequests} rules.
 */
public final class PlatformSecurity {

	private PlatformSecurity() {
	}

	public static HttpSecurity resourceServer(HttpSecurity http) throws Exception {
		ApplicationContext context = http.getSharedObject(ApplicationContext.class);
		Map<String, String> partnerScopes = context == null ? Map.of()
				: context.getBeanProvider(PlatformSecurityProperties.class)
					.getIfAvailable(() -> new PlatformSecurityProperties(null, null, null, Map.of()))
					.partnerScopes();
		return http.csrf(csrf -> csrf.disable())
			.addFilterBefore(new PartnerScopeFilter(partnerScopes), AuthorizationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.oauth2ResourceServer(oauth -> {
				oauth.jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakJwtAuthenticationConverter()))
					.authenticationEntryPoint(ProblemSecurityHandlers.authenticationEntryPoint())
					.accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler());
				// a token that could not be checked (Keycloak's keys unreachable) is answered by the entry point
				// (503), not rethrown as a 500
				oauth.addObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
					@Override
					public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
						AuthenticationEntryPointFailureHandler failure = new AuthenticationEntryPointFailureHandler(
								ProblemSecurityHandlers.authenticationEntryPoint());
						failure.setRethrowAuthenticationServiceException(false);
						filter.setAuthenticationFailureHandler(failure);
						return filter;
					}
				});
			})
			.exceptionHandling(ex -> ex.authenticationEntryPoint(ProblemSecurityHandlers.authenticationEntryPoint())
				.accessDeniedHandler(ProblemSecurityHandlers.accessDeniedHandler()));
	}

}
