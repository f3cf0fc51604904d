package org.yiwang.application.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The events of the case lifecycle, published on {@code application.events} (v1). Every case event names the
 * case, its application and its department, so department systems (webhooks) and the applicant's inbox can be
 * routed from the event alone. {@code application.CaseApproved} is the shared contract license-service consumes
 * ({@link org.yiwang.shared.contracts.CaseApproved}); the others are this service's own and documented in
 * {@code docs/application-lifecycle.md}.
 */
public final class CaseEvents {

	private CaseEvents() {
	}

	/** A case became actionable for its department: at submission, or when its predecessor was approved. */
	public record CaseSubmitted(String caseId, String applicationId, String itemCode, int itemVersion,
			String departmentCode, String applicantName, Instant at) {

		public static final String TYPE = "application.CaseSubmitted";

	}

	/** 受理. */
	public record CaseAccepted(String caseId, String applicationId, String itemCode, String itemName,
			String departmentCode, String applicantSubject, String by, Instant at) {

		public static final String TYPE = "application.CaseAccepted";

	}

	/** 不予受理, with the reason. */
	public record CaseRejected(String caseId, String applicationId, String departmentCode, String applicantSubject,
			String reason, String by, Instant at) {

		public static final String TYPE = "application.CaseRejected";

	}

	/** A lifecycle step without further data: review started, supplement re-checked, sent back, withdrawn, terminated. */
	public record CaseStepped(String caseId, String applicationId, String departmentCode, String applicantSubject,
			CaseStatus from, CaseStatus to, String note, String by, Instant at) {

		public static final String REVIEW_STARTED = "application.CaseReviewStarted";

		public static final String RECHECKED = "application.CaseRechecked";

		public static final String SENT_BACK = "application.CaseSentBack";

		public static final String WITHDRAWN = "application.CaseWithdrawn";

		public static final String TERMINATED = "application.CaseTerminated";

	}

	/** 一次性告知补正: every deficiency in one notice; the clock pauses. */
	public record CorrectionRequested(String caseId, String applicationId, String itemName, String departmentCode,
			String applicantSubject, List<String> deficiencies, String by, Instant at) {

		public static final String TYPE = "application.CorrectionRequested";

	}

	/** The applicant supplemented; the clock resumes. */
	public record CaseSupplemented(String caseId, String applicationId, String departmentCode, String note,
			Instant at) {

		public static final String TYPE = "application.CaseSupplemented";

	}

	/** Hearing, inspection or expert review started (clock paused) or ended (clock resumed). */
	public record SpecialProcedure(String caseId, String applicationId, String departmentCode, String procedure,
			String reason, String by, Instant at) {

		public static final String STARTED = "application.SpecialProcedureStarted";

		public static final String ENDED = "application.SpecialProcedureEnded";

	}

	/** {@code application.CaseDenied} v1 (legalBasis added, optional for consumers). */
	public record CaseDenied(String caseId, String applicationId, String departmentCode, String reason,
			String legalBasis, String decidedBy, Instant decidedAt) {

		public static final String TYPE = "application.CaseDenied";

	}

	/** 效能监察: 80 % of the promised time limit used (yellow), or overdue (red). Raised once per case and level. */
	public record CaseDeadline(String caseId, String applicationId, String itemCode, String departmentCode,
			String level, int usedDays, int promisedDays, int legalDays, LocalDate promisedDeadline, Instant at) {

		public static final String WARNING = "application.CaseDeadlineWarning";

		public static final String OVERDUE = "application.CaseOverdue";

	}

	/** ONE combined result when every case of the application has concluded. */
	public record ApplicationConcluded(String applicationId, String applicantSubject, List<Result> results,
			Instant concludedAt) {

		public static final String TYPE = "application.ApplicationConcluded";

		public record Result(String caseId, String itemCode, String itemName, String departmentCode,
				String departmentName, CaseStatus outcome, String reason, String legalBasis) {
		}

	}

	/** 好差评 given; a score of 1–2 opened rectification tasks for the departments. */
	public record ApplicationRated(String applicationId, int score, List<String> rectificationDepartments,
			Instant at) {

		public static final String TYPE = "application.ApplicationRated";

	}

	/** A department completed the rectification of a bad rating; the outcome is shown to the applicant. */
	public record RectificationCompleted(String applicationId, String departmentCode, String applicantSubject,
			String outcome, String by, Instant at) {

		public static final String TYPE = "application.RectificationCompleted";

	}

	/**
	 * 免提交: the exchange answered the application's shared-data requirements — which were filled and by whom, which
	 * the applicant must upload instead and why. No data values travel in the event.
	 */
	public record MaterialsPrefilled(String applicationId, String applicantSubject, List<Filled> filled,
			List<Missing> uploadNeeded, Instant at) {

		public static final String TYPE = "application.MaterialsPrefilled";

		public record Filled(String requirementKey, String name, String providedBy) {
		}

		public record Missing(String requirementKey, String name, String reason) {
		}

	}

}
