package org.yiwang.identity.web;

import org.yiwang.shared.security.PlatformSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Self-registration needs no token; everything else does. Roles, department scope and legal-representative checks
 * are made per endpoint in the controllers and services.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return PlatformSecurity.resourceServer(http)
			.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/identity/registrations")
				.permitAll()
				.requestMatchers("/api/v1/identity/**")
				.authenticated()
				.anyRequest()
				.denyAll())
			.build();
	}

}
