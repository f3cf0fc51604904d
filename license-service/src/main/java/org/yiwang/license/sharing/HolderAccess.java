package org.yiwang.license.sharing;

import org.yiwang.license.agent.AgentAuthorisations;
import org.yiwang.license.agent.EnterpriseAuthorityCheck;
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
 * (经办人) with a current authorisation of that enterprise (granted, in its validity period, not revoked), or — when
 * that local record says no — whoever identity-service's check allows: above all the enterprise's 法定代表人, often a
 * plain citizen account no {@code AgentAuthorized} event ever names. The agent who applied has no standing of their
 * own once their authorisation lapses. identity-service being down is a 503 for those who depend on its answer,
 * never a 403 that would tell a legal representative they may not see their own enterprise.
 */
@Component
public class HolderAccess {

	private final Licenses licenses;

	private final AgentAuthorisations authorisations;

	private final EnterpriseAuthorityCheck identity;

	HolderAccess(Licenses licenses, AgentAuthorisations authorisations, EnterpriseAuthorityCheck identity) {
		this.licenses = licenses;
		this.authorisations = authorisations;
		this.identity = identity;
	}

	/**
	 * Whether the user acts as the licence's holder; for an enterprise licence this may ask identity-service (and
	 * throw {@link EnterpriseAuthorityCheck.Unavailable}).
	 */
	public boolean actsAsHolder(License license, CurrentUser user) {
		return switch (license.getHolderType()) {
			case PERSON -> license.heldByPerson(user.subject());
			case ENTERPRISE -> mayActFor(user, license.getHolderUscc());
		};
	}

	/**
	 * An enterprise agent with a current local authorisation (no remote call); otherwise a citizen or enterprise
	 * agent whom identity-service's check allows (legal representative, or an authorisation whose event has not
	 * arrived yet). Staff and systems are never asked about: they are no holders.
	 */
	public boolean mayActFor(CurrentUser user, String uscc) {
		if (user.hasRole(CurrentUser.ENTERPRISE_AGENT) && authorisations.mayActFor(user.subject(), uscc)) {
			return true;
		}
		return mayAskIdentity(user) && identity.mayActFor(user.subject(), uscc);
	}

	/** Callers who may stand for an enterprise at all: the ones whose refusal is a 403 rather than a 404. */
	static boolean mayAskIdentity(CurrentUser user) {
		return user.hasAnyRole(CurrentUser.CITIZEN, CurrentUser.ENTERPRISE_AGENT);
	}

	/**
	 * The licence, when the current user acts as its holder. Otherwise 404 as if it did not exist, except for a
	 * citizen or enterprise agent asking for an enterprise licence they may not act for: 403 (503 when
	 * identity-service cannot tell).
	 */
	public License holderLicense(String number) {
		CurrentUser user = CurrentUser.current();
		License license = licenses.findById(number).orElseThrow(() -> new NotFoundException("no licence " + number));
		if (actsAsHolder(license, user)) {
			return license;
		}
		if (license.getHolderType() == Holder.Type.ENTERPRISE && mayAskIdentity(user)) {
			throw new ForbiddenException("you may not act for the enterprise holding this licence");
		}
		throw new NotFoundException("no licence " + number);
	}

	/**
	 * The wallet: the caller's own licences, or with {@code enterprise} (USCC) the licences of an enterprise the
	 * caller may act for — as authorised agent or as legal representative (403 otherwise, 503 when
	 * identity-service cannot tell).
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
		enterprise = Usccs.normalise(enterprise);
		if (!mayActFor(user, enterprise)) {
			throw new ForbiddenException("you may not act for enterprise " + enterprise);
		}
		return licenses.findByHolderTypeAndHolderUscc(Holder.Type.ENTERPRISE, enterprise, request);
	}

	/** The holder as named in grants and the usage log. */
	static String holderKey(License license) {
		return license.getHolderType() == Holder.Type.ENTERPRISE ? "urn:yiwang:enterprise:" + license.getHolderUscc()
				: license.getHolderSubject();
	}

}
