package org.yiwang.application.web;

import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.security.PlatformSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Coarse role gates per path; ownership and department scope are checked in the service (desk, controllers):
 * applicants use /applications and /notifications, departments /cases, /webhooks and /rectifications,
 * supervisors /supervision; calendars are readable by anyone signed in, changed by platform admins only.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return PlatformSecurity.resourceServer(http)
			.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health/**", "/actuator/info", "/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/applications/window-submissions")
				.hasRole(CurrentUser.WINDOW_CLERK)
				.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/applications/system-submissions")
				.hasRole(CurrentUser.DEPT_SYSTEM)
				// 一窗受理: the clerk scans the paper materials of an application taken in at the window
				.requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/applications/*/materials")
				.hasAnyRole(CurrentUser.WINDOW_CLERK, CurrentUser.CITIZEN, CurrentUser.ENTERPRISE_AGENT)
				.requestMatchers("/api/v1/applications/**")
				.hasAnyRole(CurrentUser.CITIZEN, CurrentUser.ENTERPRISE_AGENT)
				.requestMatchers("/api/v1/cases/**")
				.hasAnyRole(CurrentUser.OFFICER, CurrentUser.DEPT_SYSTEM)
				.requestMatchers("/api/v1/calendars/**")
				.authenticated()
				.requestMatchers("/api/v1/supervision/**")
				.hasRole(CurrentUser.SUPERVISOR)
				.requestMatchers("/api/v1/webhooks/**")
				.hasAnyRole(CurrentUser.DEPT_ADMIN, CurrentUser.DEPT_SYSTEM)
				.requestMatchers("/api/v1/notifications/**")
				.hasAnyRole(CurrentUser.CITIZEN, CurrentUser.ENTERPRISE_AGENT)
				.requestMatchers("/api/v1/rectifications/**")
				.hasAnyRole(CurrentUser.OFFICER, CurrentUser.DEPT_ADMIN)
				.anyRequest()
				.denyAll())
			.build();
	}

}
