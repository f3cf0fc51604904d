package org.yiwang.shared.security;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Partner channel apps (third-party platforms, {@code azp} = {@code partner-*}) act for a user only after that user
 * consented in Keycloak, and even then only where a service declares a partner scope for the path and the token
 * carries it ({@code platform.security.partner-scopes}; {@code "*"} marks a path open to any partner token, e.g. a
 * public one). Any other call by a partner token is refused with 403.
 */
public class PartnerScopeFilter extends OncePerRequestFilter {

	static final String PARTNER_PREFIX = "partner-";

	private final Map<String, String> scopesByPath;

	private final AntPathMatcher matcher = new AntPathMatcher();

	public PartnerScopeFilter(Map<String, String> scopesByPath) {
		this.scopesByPath = scopesByPath;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			String client = token.getToken().getClaimAsString("azp");
			if (client != null && client.startsWith(PARTNER_PREFIX)
					&& !allowed(request.getRequestURI(), token.getToken().getClaimAsString("scope"))) {
				ProblemSecurityHandlers.write(response, HttpStatus.FORBIDDEN, "partner-scope", "Forbidden",
						"partner apps may call this only with a scope the user consented to");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private boolean allowed(String path, String scopeClaim) {
		String[] scopes = scopeClaim == null ? new String[0] : scopeClaim.split(" ");
		return scopesByPath.entrySet()
			.stream()
			.anyMatch(e -> matcher.match(e.getKey(), path)
					&& ("*".equals(e.getValue()) || Arrays.asList(scopes).contains(e.getValue())));
	}

}
