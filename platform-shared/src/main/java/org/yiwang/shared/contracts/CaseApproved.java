package org.yiwang.shared.contracts;

import java.time.Instant;
import java.util.Map;

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
 * @param enterpriseUscc 统一社会信用代码 when an authorised agent applied in an enterprise's name (the enterprise
 * holds the licence), else null (the applicant holds it); added in v1 compatibly, absent in older events
 * @param enterpriseName the enterprise's name, with {@code enterpriseUscc}
 * @param licenseData the licence's data fields as the department decided them (经营范围, 经营场所, 座位数 …),
 * field name → text; empty when the decision carried none
 */
public record CaseApproved(String caseId, String applicationId, String itemCode, int itemVersion,
		String departmentCode, String applicantSubject, String applicantName, String licenseType,
		String licenseName, int licenseValidityYears, String decidedBy, Instant decidedAt, String enterpriseUscc,
		String enterpriseName, Map<String, String> licenseData) {

	public static final String TYPE = "application.CaseApproved";

	public static final int VERSION = 1;

	public CaseApproved {
		Contracts.requireText(caseId, "payload.caseId");
		Contracts.requireText(applicationId, "payload.applicationId");
		Contracts.requireText(itemCode, "payload.itemCode");
		Contracts.requireText(departmentCode, "payload.departmentCode");
		Contracts.requireText(applicantSubject, "payload.applicantSubject");
		licenseData = licenseData == null ? Map.of() : Map.copyOf(licenseData);
	}

	/** An approval without enterprise or licence data (the v1 shape before those fields were added). */
	public CaseApproved(String caseId, String applicationId, String itemCode, int itemVersion,
			String departmentCode, String applicantSubject, String applicantName, String licenseType,
			String licenseName, int licenseValidityYears, String decidedBy, Instant decidedAt) {
		this(caseId, applicationId, itemCode, itemVersion, departmentCode, applicantSubject, applicantName,
				licenseType, licenseName, licenseValidityYears, decidedBy, decidedAt, null, null, Map.of());
	}

	/** Whether an enterprise, not the applicant in person, holds what is issued. */
	public boolean enterpriseHolder() {
		return enterpriseUscc != null && !enterpriseUscc.isBlank();
	}

}
