package org.yiwang.shared.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.yiwang.shared.web.ForbiddenException;

/**
 * Who is calling, in platform terms, read from the Keycloak token.
 *
 * @param subject the stable identity id ({@code sub}); for a department system, its service account
 * @param username login name
 * @param name display name
 * @param roles realm roles
 * @param department department code ({@code department} claim) for staff and department systems, else null
 * @param clientId the OAuth2 client the token was issued to ({@code azp})
 */
public record CurrentUser(String subject, String username, String name, Set<String> roles, String department,
		String clientId) {

	public static final String CITIZEN = "citizen";

	public static final String ENTERPRISE_AGENT = "enterprise-agent";

	public static final String WINDOW_CLERK = "window-clerk";

	public static final String OFFICER = "officer";

	public static final String DEPT_ADMIN = "dept-admin";

	public static final String SUPERVISOR = "supervisor";

	public static final String PLATFORM_ADMIN = "platform-admin";

	public static final String DEPT_SYSTEM = "dept-system";

	/**
	 * A platform service calling another one with its own client (svc-application, svc-license, svc-exchange):
	 * never a person, never a department's system; each callee names which of these clients it serves.
	 */
	public static final String PLATFORM_SERVICE = "platform-service";

	public static final String PARTNER_APP = "partner-app";

	public static CurrentUser from(Jwt jwt) {
		String name = jwt.getClaimAsString("name");
		String username = jwt.getClaimAsString("preferred_username");
		return new CurrentUser(jwt.getSubject(), username, name != null ? name : username,
				Set.copyOf(KeycloakJwtAuthenticationConverter.realmRoles(jwt)), jwt.getClaimAsString("department"),
				jwt.getClaimAsString("azp"));
	}

	/** The caller of the current request; fails with 403 when the request is not authenticated by a token. */
	public static CurrentUser current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return from(token.getToken());
		}
		throw new ForbiddenException("a bearer token is required");
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	public boolean hasAnyRole(String... candidates) {
		for (String role : candidates) {
			if (roles.contains(role)) {
				return true;
			}
		}
		return false;
	}

	/** Officers, department admins and department systems act only within their own department. */
	public void requireDepartment(String departmentCode) {
		if (department == null || !department.equals(departmentCode)) {
			throw new ForbiddenException("this belongs to another department");
		}
	}

	@Override
	public String toString() {
		return "CurrentUser[" + username + ", roles=" + roles.stream().sorted().collect(Collectors.joining(","))
				+ ", department=" + department + "]";
	}

}
