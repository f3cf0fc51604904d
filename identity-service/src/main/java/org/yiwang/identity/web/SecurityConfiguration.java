package org.yiwang.identity.web;

import org.yiwang.shared.security.PlatformSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return PlatformSecurity.resourceServer(http)
			.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers("/api/v1/identity/**")
				.authenticated()
				.anyRequest()
				.denyAll())
			.build();
	}

}
