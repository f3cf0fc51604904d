package org.yiwang.shared.contracts;

import java.time.Instant;

/**
 * {@code application.ApprovalOverturned} v1 on {@code application.events}: an approval (准予) was set aside after
 * the case concluded — revoked by the deciding department (撤销行政许可, e.g. obtained by deception) or overturned
 * in administrative review or litigation (行政复议/诉讼撤销). license-service revokes the licence issued for the case.
 *
 * @param caseId the approved case
 * @param applicationId its application
 * @param itemCode the handling item
 * @param departmentCode the department that had approved it
 * @param licenseNumber the licence issued for the case, when application-service already knew it; license-service
 * finds it by {@code caseId} either way
 * @param reason why (shown to the holder and on the status)
 * @param legalBasis the decision or article it rests on (复议决定书文号 / 《行政许可法》第六十九条)
 * @param overturnedBy who recorded it
 * @param overturnedAt when
 * @param applicantSubject the applicant (or the agent who applied for an enterprise), who is told; may be absent
 */
public record ApprovalOverturned(String caseId, String applicationId, String itemCode, String departmentCode,
		String licenseNumber, String reason, String legalBasis, String overturnedBy, Instant overturnedAt,
		String applicantSubject) {

	public static final String TYPE = "application.ApprovalOverturned";

	public static final int VERSION = 1;

	public ApprovalOverturned {
		Contracts.requireText(caseId, "payload.caseId");
		Contracts.requireText(applicationId, "payload.applicationId");
		Contracts.requireText(departmentCode, "payload.departmentCode");
		Contracts.requireText(reason, "payload.reason");
		Contracts.requireText(legalBasis, "payload.legalBasis");
	}

	/** Without the applicant (the first v1 shape). */
	public ApprovalOverturned(String caseId, String applicationId, String itemCode, String departmentCode,
			String licenseNumber, String reason, String legalBasis, String overturnedBy, Instant overturnedAt) {
		this(caseId, applicationId, itemCode, departmentCode, licenseNumber, reason, legalBasis, overturnedBy,
				overturnedAt, null);
	}

}
