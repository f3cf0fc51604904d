package org.yiwang.license.license;

import java.util.Map;

/**
 * An approved case asking for its licence, as {@code application.CaseApproved} told it; kept as it is while the
 * holder's identity cannot be resolved yet.
 *
 * @param caseId the approved case (one licence at most)
 * @param applicationId its application
 * @param itemCode the handling item
 * @param departmentCode the issuing department
 * @param applicantSubject who applied
 * @param applicantName their name
 * @param enterpriseUscc the enterprise holding the licence when an agent applied in its name, else null
 * @param enterpriseName its name
 * @param licenseType licence type code
 * @param licenseName licence type name
 * @param licenseValidityYears validity, 0 unlimited
 * @param licenseData the licence's data fields as decided
 */
public record ApprovedCase(String caseId, String applicationId, String itemCode, String departmentCode,
		String applicantSubject, String applicantName, String enterpriseUscc, String enterpriseName,
		String licenseType, String licenseName, int licenseValidityYears, Map<String, String> licenseData) {

	public ApprovedCase {
		licenseData = licenseData == null ? Map.of() : Map.copyOf(licenseData);
	}

	public boolean enterpriseHolder() {
		return enterpriseUscc != null && !enterpriseUscc.isBlank();
	}

}
