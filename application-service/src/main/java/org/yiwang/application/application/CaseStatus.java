package org.yiwang.application.application;

import java.util.EnumSet;
import java.util.Set;

/** Where a case (子件) stands in the statutory lifecycle. */
public enum CaseStatus {

	/** waiting for a predecessor case of the theme to be approved; nobody can act on it yet (等待前置) */
	WAITING,
	/** submitted, waiting for the intake decision (待受理) */
	SUBMITTED,
	/** 受理: accepted at intake; the statutory clock runs */
	ACCEPTED,
	/** 审查中 */
	UNDER_REVIEW,
	/** 补正: one notice listing every deficiency was sent; the clock pauses while the applicant supplements */
	CORRECTION_REQUESTED,
	/** the applicant supplemented; the officer re-checks */
	SUPPLEMENTED,
	/** hearing, inspection or expert review (特别程序), excluded from the time limit: the clock pauses */
	SPECIAL_PROCEDURE,
	/** 办结·准予 */
	APPROVED,
	/** 办结·不予 */
	DENIED,
	/** 不予受理 */
	REJECTED,
	/** 撤回: the applicant withdrew before conclusion */
	WITHDRAWN,
	/** 终止: a predecessor case was not approved, so this one can never start */
	TERMINATED,
	/** 准予 set aside after conclusion (撤销行政许可 / 复议或诉讼撤销): the licence is revoked */
	OVERTURNED;

	private static final Set<CaseStatus> CONCLUDED = EnumSet.of(APPROVED, DENIED, REJECTED, WITHDRAWN, TERMINATED,
			OVERTURNED);

	private static final Set<CaseStatus> SUPERVISED = EnumSet.of(ACCEPTED, UNDER_REVIEW, SUPPLEMENTED,
			CORRECTION_REQUESTED, SPECIAL_PROCEDURE);

	/** Accepted and not concluded: the statutory clock of such a case is supervised (效能监察). */
	public boolean supervised() {
		return SUPERVISED.contains(this);
	}

	public boolean concluded() {
		return CONCLUDED.contains(this);
	}

	/** Statuses in which the applicant, not the department, holds the case: the clock does not run. */
	public boolean waitingOnApplicant() {
		return this == CORRECTION_REQUESTED;
	}

}
