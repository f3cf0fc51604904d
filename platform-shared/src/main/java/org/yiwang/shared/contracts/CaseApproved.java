package org.yiwang.shared.contracts;

import java.time.Instant;

/**
 * {@code application.CaseApproved} v1 on {@code application.events}: a department concluded a case (子件) with
 * approval (办结·准予). license-service issues the licence the item defines, exactly once per case.
 *
 * @param caseId the case
 * @param applicationId the application (办件) it belongs to
 * @param itemCode the handling item's code
 * @param itemVersion the catalog version the application was made under
 * @param departmentCode the deciding department
 * @param applicantSubject the applicant's identity subject (Keycloak user id)
 * @param applicantName the applicant's name
 * @param licenseType licence type to issue, null when the item issues none
 * @param licenseName display name of the licence type
 * @param licenseValidityYears validity in years, 0 for unlimited
 * @param decidedBy the officer (or department system) who decided
 * @param decidedAt when
 */
public record CaseApproved(String caseId, String applicationId, String itemCode, int itemVersion,
		String departmentCode, String applicantSubject, String applicantName, String licenseType,
		String licenseName, int licenseValidityYears, String decidedBy, Instant decidedAt) {

	public static final String TYPE = "application.CaseApproved";

	public static final int VERSION = 1;

	public CaseApproved {
		Contracts.requireText(caseId, "payload.caseId");
		Contracts.requireText(applicationId, "payload.applicationId");
		Contracts.requireText(itemCode, "payload.itemCode");
		Contracts.requireText(departmentCode, "payload.departmentCode");
		Contracts.requireText(applicantSubject, "payload.applicantSubject");
	}

}
