package org.yiwang.exchange.identity;

import java.util.Optional;

import org.yiwang.shared.identity.Usccs;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.InvalidRequestException;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Whose data the caller may see in "who used my data": their own (the ID number identity-service has verified for
 * their login subject) or an enterprise's they represent or are authorised by (identity-service decides, asked
 * with the caller's own token). Nothing in the token is trusted for this — tokens of this realm carry no ID
 * numbers — and there is no fallback: when identity-service cannot answer the caller gets a 503, never a guess.
 */
@Component
public class SubjectIdentity {

	private final IdentityClient identity;

	SubjectIdentity(IdentityClient identity) {
		this.identity = identity;
	}

	/**
	 * The caller's own ID number; empty when no person is bound to their login (then they simply have no records).
	 */
	public Optional<String> ownNumber(CurrentUser user) {
		requireCitizenOrAgent(user);
		return identity.idNumberOf(user.subject());
	}

	/**
	 * The enterprise's credit code when the caller may act for it: 400 {@code enterprise} for a malformed code, 403
	 * when identity-service says no.
	 */
	public String enterprise(CurrentUser user, String enterprise) {
		requireCitizenOrAgent(user);
		String uscc = enterprise.strip().toUpperCase(java.util.Locale.ROOT);
		String problem = Usccs.problem(uscc);
		if (problem != null) {
			// the value is never echoed
			throw new InvalidRequestException("enterprise (统一社会信用代码) " + problem, "enterprise", problem);
		}
		String token = callerToken()
			.orElseThrow(() -> new ForbiddenException("only a signed-in person may see an enterprise's data uses"));
		if (!identity.mayActFor(user.subject(), uscc, token)) {
			throw new ForbiddenException("you neither represent this enterprise nor are authorised by it");
		}
		return uscc;
	}

	private static void requireCitizenOrAgent(CurrentUser user) {
		if (!user.hasAnyRole(CurrentUser.CITIZEN, CurrentUser.ENTERPRISE_AGENT)) {
			throw new ForbiddenException("only citizens and enterprise agents see the use of their own data");
		}
	}

	private static Optional<String> callerToken() {
		return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
				? Optional.of(token.getToken().getTokenValue()) : Optional.empty();
	}

}
