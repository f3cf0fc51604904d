package org.yiwang.catalog.web;

import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.security.PlatformSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Browsing, search, guides and theme plans are public (a plan is a computation, nothing is stored, hence the one
 * public POST); every other write needs a department or platform admin, and the services check department scope
 * and theme ownership themselves.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return PlatformSecurity.resourceServer(http)
			.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/catalog/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/catalog/themes/*/plan")
				.permitAll()
				.requestMatchers("/api/v1/catalog/**")
				.hasAnyRole(CurrentUser.DEPT_ADMIN, CurrentUser.PLATFORM_ADMIN)
				.anyRequest()
				.denyAll())
			.build();
	}

}
