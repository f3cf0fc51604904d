package org.yiwang.license.license;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Revocation, suspension and reinstatement by officers of the issuing department. The caller states the revision
 * it saw; a stale one, or a concurrent change caught by the document version, is a 409 so that no officer acts on
 * a licence state they did not see.
 */
@Service
public class LicenseStatusChanges {

	/** The three officer actions. */
	public enum Action {

		REVOKE, SUSPEND, REINSTATE

	}

	private final Licenses licenses;

	private final StatusLists statusLists;

	private final Clock clock;

	LicenseStatusChanges(Licenses licenses, StatusLists statusLists, Clock clock) {
		this.licenses = licenses;
		this.statusLists = statusLists;
		this.clock = clock;
	}

	public License apply(String number, Action action, String reason, String legalBasis, Long expectedRevision) {
		CurrentUser user = CurrentUser.current();
		if (!user.hasAnyRole(CurrentUser.OFFICER, CurrentUser.DEPT_ADMIN)) {
			throw new ForbiddenException("only officers of the issuing department change a licence's status");
		}
		License license = licenses.findById(number)
			.filter(l -> Objects.equals(user.department(), l.getIssuingDepartment()))
			.orElseThrow(() -> new NotFoundException("no licence " + number));
		if (!Objects.equals(expectedRevision, license.getRevision())) {
			throw new OptimisticLockingFailureException("licence " + number + " is at revision "
					+ license.getRevision() + ", not " + expectedRevision);
		}
		Instant now = Instant.now(clock);
		try {
			switch (action) {
				case REVOKE -> license.revoke(user.subject(), reason, legalBasis, now);
				case SUSPEND -> license.suspend(user.subject(), reason, legalBasis, now);
				case REINSTATE -> license.reinstate(user.subject(), reason, legalBasis, now);
			}
		}
		catch (IllegalStateException ex) {
			throw new ConflictException(ex.getMessage(), "status", "transition-not-allowed");
		}
		License saved = licenses.save(license);
		statusLists.invalidate(license.getIssuingDepartment());
		return saved;
	}

}
