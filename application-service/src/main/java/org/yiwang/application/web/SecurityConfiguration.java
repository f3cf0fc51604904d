package org.yiwang.application.web;

import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.security.PlatformSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Applicants use /applications, departments /cases; ownership and department scope are checked in the desk. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return PlatformSecurity.resourceServer(http)
			.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers("/api/v1/applications/**")
				.hasAnyRole(CurrentUser.CITIZEN, CurrentUser.ENTERPRISE_AGENT)
				.requestMatchers("/api/v1/cases/**")
				.hasAnyRole(CurrentUser.OFFICER, CurrentUser.DEPT_SYSTEM)
				.anyRequest()
				.denyAll())
			.build();
	}

}
