package org.yiwang.application.web;

import java.time.Instant;
import java.util.List;

import org.yiwang.application.application.Application;
import org.yiwang.application.application.Case;
import org.yiwang.application.application.CaseRow;
import org.yiwang.application.application.CaseStatus;
import org.yiwang.application.calendar.WorkingCalendar;
import org.yiwang.application.supervision.StatutoryClock;

/** The JSON shapes of applications and cases, for applicants and for departments. */
final class CaseViews {

	private CaseViews() {
	}

	record ApplicationView(String id, String status, String channel, String submittedBy, String enterpriseUscc,
			String enterpriseName, String themeCode, Application.Theme theme, Instant submittedAt,
			Instant concludedAt, List<CaseView> cases, Application.Rating rating,
			List<Application.Rectification> rectifications, List<Application.Material> materials,
			List<Application.Requirement> requirements, String prefillStatus, int visits, long revision) {

		static ApplicationView of(Application application, WorkingCalendar calendar, Instant now) {
			return new ApplicationView(application.getId(), application.status(), application.getChannel(),
					application.getSubmittedBy(), application.getEnterpriseUscc(), application.getEnterpriseName(),
					application.getThemeCode(), application.getTheme(), application.getSubmittedAt(), application.getConcludedAt(),
					application.getCases().stream().map(c -> CaseView.of(c, calendar, now)).toList(),
					application.getRating(), application.getRectifications(), application.getMaterials(),
					application.getRequirements(),
					application.getPrefill() == null ? null : application.getPrefill().status(), application.getVisits(),
					application.getRevision() == null ? 0 : application.getRevision());
		}

	}

	/** The applicant's view of a case: no officer names beyond what the decision states. */
	record CaseView(String caseId, String itemCode, int itemVersion, String itemName, String departmentCode,
			String departmentName, CaseStatus status, List<String> predecessors, Instant acceptedAt,
			Instant decidedAt, String reason, String legalBasis, String licenseNumber,
			java.util.Map<String, String> licenseData, Case.Overturn overturn, Case.CorrectionNotice correction,
			String specialProcedure, StatutoryClock clock) {

		static CaseView of(Case c, WorkingCalendar calendar, Instant now) {
			return new CaseView(c.getCaseId(), c.getItemCode(), c.getItemVersion(), c.getItemName(),
					c.getDepartmentCode(), c.getDepartmentName(), c.getStatus(), c.getPredecessors(), c.getAcceptedAt(),
					c.getDecidedAt(), c.getReason(), c.getLegalBasis(), c.getLicenseNumber(), c.getLicenseData(),
					c.getOverturn(), c.getCorrection(), c.getSpecialProcedure(), StatutoryClock.of(c, calendar, now));
		}

	}

	/** The department's view of one case, with its history and clock. */
	record DepartmentCaseView(String caseId, String applicationId, String applicantName, String channel,
			String itemCode, int itemVersion, String itemName, String departmentCode, CaseStatus status,
			List<String> predecessors, Instant submittedAt, Instant acceptedAt, Instant updatedAt, Instant decidedAt,
			String decidedBy, String reason, String legalBasis, String licenseNumber,
			java.util.Map<String, String> licenseData, Case.Overturn overturn,
			Case.CorrectionNotice correction, String specialProcedure, StatutoryClock clock, Instant escalatedAt,
			List<Case.Step> history) {

		static DepartmentCaseView of(Application a, Case c, WorkingCalendar calendar, Instant now) {
			return of(new CaseRow(a, c), calendar, now);
		}

		static DepartmentCaseView of(CaseRow row, WorkingCalendar calendar, Instant now) {
			Case c = row.caseData();
			return new DepartmentCaseView(c.getCaseId(), row.applicationId(), row.applicantName(), row.channel(),
					c.getItemCode(), c.getItemVersion(), c.getItemName(), c.getDepartmentCode(), c.getStatus(),
					c.getPredecessors(), row.submittedAt(), c.getAcceptedAt(), c.getUpdatedAt(), c.getDecidedAt(),
					c.getDecidedBy(), c.getReason(), c.getLegalBasis(), c.getLicenseNumber(), c.getLicenseData(),
					c.getOverturn(), c.getCorrection(), c.getSpecialProcedure(), StatutoryClock.of(c, calendar, now),
					c.getEscalatedAt(), c.getHistory());
		}

	}

	/** A page of cases with the cursor for the next "changes since" call. */
	record CasePage(List<DepartmentCaseView> items, int page, int size, long total, String nextCursor) {
	}

}
