package org.yiwang.license.web;

import org.yiwang.shared.security.PlatformSecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Licence endpoints need a token, with holder and department checks per licence, EXCEPT the public ones anyone
 * must reach to check a licence: the JWKS, verification and the status lists.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return PlatformSecurity.resourceServer(http)
			.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/licenses/jwks", "/api/v1/licenses/jwks/*",
						"/api/v1/licenses/status-lists/*/*", "/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/licenses/verify")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/licenses/types", "/api/v1/licenses/types/*")
				.permitAll()
				.requestMatchers("/api/v1/licenses/**")
				.authenticated()
				.anyRequest()
				.denyAll())
			.build();
	}

}
