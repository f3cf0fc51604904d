package org.yiwang.shared.testing.fuzz;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Bearer tokens for the fuzz suites, which talk HTTP to a server on a random port (MockMvc's {@code jwt()} cannot
 * reach Tomcat's parsers): {@value #TOKEN} decodes to a Keycloak-shaped token of a user holding every staff and
 * applicant role, department SCJG, so requests reach the handlers instead of stopping at a 403. Any other token is
 * invalid (401).
 */
public final class FuzzTokens {

	public static final String TOKEN = "fuzz-token-all-roles";

	public static final List<String> ROLES = List.of("citizen", "enterprise-agent", "window-clerk", "officer",
			"dept-admin", "supervisor", "platform-admin", "dept-system");

	private FuzzTokens() {
	}

	public static Map<String, String> authorization() {
		return Map.of("Authorization", "Bearer " + TOKEN);
	}

	public static Jwt decode(String token) {
		if (!TOKEN.equals(token)) {
			throw new BadJwtException("not the fuzz token");
		}
		Instant now = Instant.now();
		return Jwt.withTokenValue(token)
			.header("alg", "none")
			.subject("fuzz-user")
			.issuedAt(now)
			.expiresAt(now.plusSeconds(3600))
			.claim("preferred_username", "fuzz-user")
			.claim("name", "Fuzz User")
			.claim("azp", "yiwang-cli")
			.claim("department", "SCJG")
			.claim("realm_access", Map.of("roles", ROLES))
			.build();
	}

	/** Import into a servlet service's fuzz test: replaces the Keycloak JWKS decoder. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Servlet {

		@Bean
		JwtDecoder fuzzJwtDecoder() {
			return FuzzTokens::decode;
		}

	}

}
