package org.yiwang.shared.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/**
 * Keycloak-shaped tokens for MockMvc slice tests (roles in {@code realm_access.roles}, the {@code department}
 * claim). End-to-end tests use real Keycloak tokens instead.
 */
public final class TestJwts {

	private TestJwts() {
	}

	public static JwtRequestPostProcessor user(String subject, String department, String... roles) {
		return SecurityMockMvcRequestPostProcessors.jwt()
			.jwt(jwt -> {
				jwt.subject(subject)
					.claim("preferred_username", subject)
					.claim("name", subject)
					.claim("azp", "yiwang-cli")
					.claim("realm_access", Map.of("roles", List.of(roles)));
				if (department != null) {
					jwt.claim("department", department);
				}
			})
			.authorities(Arrays.stream(roles)
				.map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
				.toList());
	}

	public static JwtRequestPostProcessor citizen(String subject) {
		return user(subject, null, "citizen");
	}

	public static JwtRequestPostProcessor officer(String subject, String department) {
		return user(subject, department, "officer");
	}

	public static JwtRequestPostProcessor deptAdmin(String subject, String department) {
		return user(subject, department, "dept-admin", "officer");
	}

}
