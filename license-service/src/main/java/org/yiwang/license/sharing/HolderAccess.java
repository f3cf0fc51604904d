package org.yiwang.license.sharing;

import org.yiwang.license.agent.AgentAuthorisations;
import org.yiwang.license.license.Holder;
import org.yiwang.license.license.License;
import org.yiwang.license.license.Licenses;
import org.yiwang.shared.identity.Usccs;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Who acts as a licence's holder: the citizen holding it in person; for an enterprise licence, an enterprise agent
 * (经办人) with a current authorisation of that enterprise (granted, in its validity period, not revoked). The agent
 * who applied has no standing of their own once their authorisation lapses.
 */
@Component
public class HolderAccess {

	private final Licenses licenses;

	private final AgentAuthorisations authorisations;

	HolderAccess(Licenses licenses, AgentAuthorisations authorisations) {
		this.licenses = licenses;
		this.authorisations = authorisations;
	}

	public boolean actsAsHolder(License license, CurrentUser user) {
		return switch (license.getHolderType()) {
			case PERSON -> license.heldByPerson(user.subject());
			case ENTERPRISE -> user.hasRole(CurrentUser.ENTERPRISE_AGENT)
					&& authorisations.mayActFor(user.subject(), license.getHolderUscc());
		};
	}

	/**
	 * The licence, when the current user acts as its holder. Otherwise 404 as if it did not exist, except for an
	 * enterprise agent asking for an enterprise licence without a current authorisation: 403.
	 */
	public License holderLicense(String number) {
		CurrentUser user = CurrentUser.current();
		License license = licenses.findById(number).orElseThrow(() -> new NotFoundException("no licence " + number));
		if (actsAsHolder(license, user)) {
			return license;
		}
		if (license.getHolderType() == Holder.Type.ENTERPRISE && user.hasRole(CurrentUser.ENTERPRISE_AGENT)) {
			throw new ForbiddenException("no current authorisation to act for the enterprise holding this licence");
		}
		throw new NotFoundException("no licence " + number);
	}

	/**
	 * The wallet: the caller's own licences, or with {@code enterprise} (USCC) the licences of an enterprise the
	 * caller is currently authorised for (403 otherwise).
	 */
	public Page<License> wallet(String enterprise, int page, int size) {
		CurrentUser user = CurrentUser.current();
		PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "issuedAt"));
		if (enterprise == null || enterprise.isBlank()) {
			return licenses.findByHolderSubjectAndHolderTypeNot(user.subject(), Holder.Type.ENTERPRISE, request);
		}
		if (Usccs.problem(enterprise) != null) {
			throw new InvalidRequestException(Usccs.problem(enterprise), "enterprise", "uscc");
		}
		if (!user.hasRole(CurrentUser.ENTERPRISE_AGENT) || !authorisations.mayActFor(user.subject(), enterprise)) {
			throw new ForbiddenException("no current authorisation to act for enterprise " + enterprise);
		}
		return licenses.findByHolderTypeAndHolderUscc(Holder.Type.ENTERPRISE, enterprise, request);
	}

	/** The holder as named in grants and the usage log. */
	static String holderKey(License license) {
		return license.getHolderType() == Holder.Type.ENTERPRISE ? "urn:yiwang:enterprise:" + license.getHolderUscc()
				: license.getHolderSubject();
	}

}
