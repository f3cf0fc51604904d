package org.yiwang.license.license;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An approved case whose licence waits for identity-service: kept until issued (then deleted), retried with
 * backoff by {@link LicenseIssuance#retryDue()}. Holds no ID number, only what the approval said.
 *
 * @param caseId the case (one pending record per case)
 * @param request the approval
 * @param correlationId of the approval event, carried onto {@code LicenseIssued}
 * @param causationId the approval event's id
 * @param attempts failed attempts so far
 * @param createdAt first deferral
 * @param nextAttemptAt when the job tries again
 * @param lastProblem why the last attempt could not issue (no personal data)
 */
@Document("license_pending_issuances")
record PendingIssuance(@Id String caseId, ApprovedCase request, String correlationId, String causationId,
		int attempts, Instant createdAt, Instant nextAttemptAt, String lastProblem) {
}
