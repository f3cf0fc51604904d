package org.yiwang.license.license;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An approval set aside (撤销行政许可 / 复议·诉讼撤销), remembered per case so that the licence is revoked whenever
 * it exists, and a licence issued after the overturn arrived (events out of order, or issuance deferred) is never
 * valid.
 *
 * @param caseId the case whose approval was overturned
 * @param licenseNumber the licence it concerned, once known
 * @param departmentCode the department that had approved
 * @param reason why
 * @param legalBasis on what ground
 * @param overturnedBy who recorded it
 * @param overturnedAt when
 */
@Document("license_overturns")
public record Overturn(@Id String caseId, String licenseNumber, String departmentCode, String reason,
		String legalBasis, String overturnedBy, Instant overturnedAt) {
}
