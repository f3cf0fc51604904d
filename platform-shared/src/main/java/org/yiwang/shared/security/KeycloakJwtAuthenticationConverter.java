package org.yiwang.shared.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Keycloak realm roles ({@code realm_access.roles}) become {@code ROLE_<role>} authorities and OAuth2 scopes
 * become {@code SCOPE_<scope>}; the principal name is the token subject.
 */
public class KeycloakJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		return new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject());
	}

	static Collection<GrantedAuthority> authorities(Jwt jwt) {
		Set<GrantedAuthority> authorities = new LinkedHashSet<>();
		realmRoles(jwt).forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		String scope = jwt.getClaimAsString("scope");
		if (scope != null) {
			for (String s : scope.split(" ")) {
				if (!s.isBlank()) {
					authorities.add(new SimpleGrantedAuthority("SCOPE_" + s));
				}
			}
		}
		return authorities;
	}

	static List<String> realmRoles(Jwt jwt) {
		Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
		if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
			return List.of();
		}
		return roles.stream().map(String::valueOf).toList();
	}

}
