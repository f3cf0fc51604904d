package org.yiwang.identity.web;

import org.yiwang.identity.resolution.SubjectResolver;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.security.PlatformSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Self-registration needs no token; subject resolution only the allow-listed platform services (checked here and
 * again in {@link SubjectResolver}); everything else a token. Roles, department scope and legal-representative
 * checks are made per endpoint in the controllers and services.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SubjectResolver resolver) throws Exception {
		return PlatformSecurity.resourceServer(http)
			.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/identity/registrations")
				.permitAll()
				.requestMatchers("/api/v1/identity/subject-resolutions")
				.access(platformServices(resolver))
				.requestMatchers("/api/v1/identity/**")
				.authenticated()
				.anyRequest()
				.denyAll())
			.build();
	}

	static AuthorizationManager<RequestAuthorizationContext> platformServices(SubjectResolver resolver) {
		return (authentication, context) -> new AuthorizationDecision(
				authentication.get() instanceof JwtAuthenticationToken token
						&& resolver.mayResolve(CurrentUser.from(token.getToken())));
	}

}
