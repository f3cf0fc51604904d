package org.yiwang.application.application;

import java.util.EnumSet;
import java.util.Set;

import static org.yiwang.application.application.CaseStatus.ACCEPTED;
import static org.yiwang.application.application.CaseStatus.APPROVED;
import static org.yiwang.application.application.CaseStatus.CORRECTION_REQUESTED;
import static org.yiwang.application.application.CaseStatus.SPECIAL_PROCEDURE;
import static org.yiwang.application.application.CaseStatus.SUBMITTED;
import static org.yiwang.application.application.CaseStatus.SUPPLEMENTED;
import static org.yiwang.application.application.CaseStatus.UNDER_REVIEW;
import static org.yiwang.application.application.CaseStatus.WAITING;
import static org.yiwang.application.application.CaseStatus.WITHDRAWN;

/**
 * The transition table of the case lifecycle: which action is allowed from which statuses, by whom. Kept as data
 * so that the rule a refused action broke can be named in the 409 problem, and so the table is testable whole.
 */
public enum CaseAction {

	/** 受理 */
	ACCEPT(Actor.Kind.DEPARTMENT, EnumSet.of(SUBMITTED)),
	/** 不予受理 */
	REJECT(Actor.Kind.DEPARTMENT, EnumSet.of(SUBMITTED)),
	/** start the substantive review */
	START_REVIEW(Actor.Kind.DEPARTMENT, EnumSet.of(ACCEPTED)),
	/** 一次性告知补正 */
	REQUEST_CORRECTION(Actor.Kind.DEPARTMENT, EnumSet.of(SUBMITTED, ACCEPTED, UNDER_REVIEW)),
	/** the applicant supplements the listed deficiencies */
	SUPPLEMENT(Actor.Kind.APPLICANT, EnumSet.of(CORRECTION_REQUESTED)),
	/** the officer re-checks the supplement; the case returns to where it was */
	RECHECK(Actor.Kind.DEPARTMENT, EnumSet.of(SUPPLEMENTED)),
	/** back to the previous step (审查退回 / 补正不到位) */
	SEND_BACK(Actor.Kind.DEPARTMENT, EnumSet.of(UNDER_REVIEW, SUPPLEMENTED)),
	/** hearing, inspection, expert review: excluded from the time limit */
	START_SPECIAL_PROCEDURE(Actor.Kind.DEPARTMENT, EnumSet.of(ACCEPTED, UNDER_REVIEW)),
	END_SPECIAL_PROCEDURE(Actor.Kind.DEPARTMENT, EnumSet.of(SPECIAL_PROCEDURE)),
	/** 办结·准予; from SUBMITTED it is 即办 (accepted and concluded on the spot) */
	APPROVE(Actor.Kind.DEPARTMENT, EnumSet.of(SUBMITTED, ACCEPTED, UNDER_REVIEW)),
	/** 办结·不予; from SUBMITTED it is accepted and concluded on the spot */
	DENY(Actor.Kind.DEPARTMENT, EnumSet.of(SUBMITTED, ACCEPTED, UNDER_REVIEW)),
	/** 撤销准予: the department sets its approval aside after conclusion (e.g. after administrative review) */
	OVERTURN(Actor.Kind.DEPARTMENT, EnumSet.of(APPROVED)),
	/** 撤回 by the applicant before conclusion */
	WITHDRAW(Actor.Kind.APPLICANT, EnumSet.of(WAITING, SUBMITTED, ACCEPTED, UNDER_REVIEW, CORRECTION_REQUESTED,
			SUPPLEMENTED, SPECIAL_PROCEDURE));

	private final Actor.Kind actor;

	private final Set<CaseStatus> from;

	CaseAction(Actor.Kind actor, Set<CaseStatus> from) {
		this.actor = actor;
		this.from = from;
	}

	public Actor.Kind actor() {
		return actor;
	}

	public Set<CaseStatus> from() {
		return from;
	}

	public boolean allowedFrom(CaseStatus status) {
		return from.contains(status);
	}

	/** The rule as the problem details name it, e.g. {@code ACCEPT requires status SUBMITTED}. */
	public String rule() {
		return name() + " requires status " + String.join(" or ", from.stream().map(Enum::name).toList())
				+ " and actor " + actor.name();
	}

}
