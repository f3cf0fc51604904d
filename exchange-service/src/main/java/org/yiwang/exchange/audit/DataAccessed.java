package org.yiwang.exchange.audit;

import java.time.Instant;
import java.util.List;

import org.yiwang.exchange.purpose.PurposeCategory;

/**
 * {@code exchange.DataAccessed} (key = record seq): one access was recorded. Carries the record's chain hash, so
 * every consumer of the topic holds an independent copy of the chain's progress (an external anchor: rewriting
 * the whole log after the fact would contradict the published hashes). The subject only as keyed hash and mask.
 */
public record DataAccessed(long seq, String hash, Instant at, String consumerDepartment, String clientId,
		String subjectHash, String subjectMasked, String resourceCode, String providerDepartment, List<String> fields,
		String purpose, String legalBasis, String applicationId, String channel, AccessResult result,
		PurposeCategory purposeCategory) {

	public static final String TYPE = "exchange.DataAccessed";

}
