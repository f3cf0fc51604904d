package org.yiwang.exchange.audit;

import java.util.Optional;

import org.yiwang.exchange.subject.DemoSubjects;
import org.yiwang.exchange.subject.IdNumber;
import org.yiwang.exchange.subject.Uscc;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Whose data the caller is: a citizen's ID number, an enterprise agent's USCC. TEMPORARY until identity-service
 * puts the verified numbers into the token: the {@code id_number} / {@code uscc} claim is used when present, else a
 * citizen's demo username is mapped to the demo ID number ({@link DemoSubjects}); anyone else gets a 403.
 */
@Component
public class SubjectIdentity {

	public String of(CurrentUser user) {
		if (user.hasRole(CurrentUser.CITIZEN)) {
			Optional<String> claimed = claim("id_number");
			if (claimed.isPresent()) {
				if (!IdNumber.isValid(claimed.get())) {
					throw new ForbiddenException("the id_number claim of the token is not a valid ID number");
				}
				return claimed.get();
			}
			return DemoSubjects.idNumberOfDemoUser(user.username())
				.orElseThrow(() -> new ForbiddenException("your ID number is not known to the exchange yet"));
		}
		if (user.hasRole(CurrentUser.ENTERPRISE_AGENT)) {
			String uscc = claim("uscc").orElseThrow(
					() -> new ForbiddenException("your enterprise's credit code is not known to the exchange yet"));
			if (!Uscc.isValid(uscc)) {
				throw new ForbiddenException("the uscc claim of the token is not a valid credit code");
			}
			return uscc;
		}
		throw new ForbiddenException("only citizens and enterprise agents see the use of their own data");
	}

	private static Optional<String> claim(String name) {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
			return Optional.ofNullable(token.getToken().getClaimAsString(name));
		}
		return Optional.empty();
	}

}
