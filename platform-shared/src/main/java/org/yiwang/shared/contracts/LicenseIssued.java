package org.yiwang.shared.contracts;

import java.time.Instant;

/**
 * {@code license.LicenseIssued} v1 on {@code license.events}: an e-licence (电子证照) was issued for an approved
 * case. application-service records it on the case and notifies the applicant.
 *
 * @param licenseNumber the licence number
 * @param licenseType the licence type code
 * @param holderSubject the holder's identity subject
 * @param caseId the approved case it was issued for
 * @param applicationId the application of that case
 * @param issuedAt when
 */
public record LicenseIssued(String licenseNumber, String licenseType, String holderSubject, String caseId,
		String applicationId, Instant issuedAt) {

	public static final String TYPE = "license.LicenseIssued";

	public static final int VERSION = 1;

	public LicenseIssued {
		Contracts.requireText(licenseNumber, "payload.licenseNumber");
		Contracts.requireText(caseId, "payload.caseId");
		Contracts.requireText(holderSubject, "payload.holderSubject");
	}

}
