package org.yiwang.exchange.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a consumer gets: only the granted fields' values, where they came from (provenance) and the access
 * record that documents the use.
 */
public record DataAnswer(String resourceCode, String resourceName, String providerDepartment,
		String providerDepartmentName, String subjectMasked, List<String> fields, Map<String, Object> data,
		String grantId, String purpose, String legalBasis, String applicationId, Instant retrievedAt,
		long accessRecordSeq) {
}
