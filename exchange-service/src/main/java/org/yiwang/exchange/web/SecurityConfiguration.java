package org.yiwang.exchange.web;

import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.security.PlatformSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Government staff and department systems use the exchange (window clerks and allow-listed platform services
 * such as application-service only for once-only prefill); citizens and enterprise agents only see who used
 * their own data; metrics (circuit states) are for supervision. Finer rules (department, role) are checked in
 * the services.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return PlatformSecurity.resourceServer(http)
			.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/actuator/metrics/**")
				.hasAnyRole(CurrentUser.SUPERVISOR, CurrentUser.PLATFORM_ADMIN)
				.requestMatchers("/api/v1/exchange/my-data-uses")
				.hasAnyRole(CurrentUser.CITIZEN, CurrentUser.ENTERPRISE_AGENT)
				.requestMatchers("/api/v1/exchange/prefill")
				.hasAnyRole(CurrentUser.OFFICER, CurrentUser.DEPT_ADMIN, CurrentUser.DEPT_SYSTEM,
						CurrentUser.WINDOW_CLERK, CurrentUser.PLATFORM_SERVICE)
				.requestMatchers("/api/v1/exchange/**")
				.hasAnyRole(CurrentUser.OFFICER, CurrentUser.DEPT_ADMIN, CurrentUser.DEPT_SYSTEM,
						CurrentUser.SUPERVISOR, CurrentUser.PLATFORM_ADMIN)
				.anyRequest()
				.denyAll())
			.build();
	}

}
