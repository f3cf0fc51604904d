package org.yiwang.exchange.web;

import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.security.PlatformSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Only government staff and department systems see the shared data catalog. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return PlatformSecurity.resourceServer(http)
			.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers("/api/v1/exchange/**")
				.hasAnyRole(CurrentUser.OFFICER, CurrentUser.DEPT_ADMIN, CurrentUser.DEPT_SYSTEM,
						CurrentUser.SUPERVISOR, CurrentUser.PLATFORM_ADMIN)
				.anyRequest()
				.denyAll())
			.build();
	}

}
