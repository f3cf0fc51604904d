package org.yiwang.exchange.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.yiwang.exchange.purpose.PurposeCategory;

/**
 * What a consumer gets: only the granted fields' values, where they came from (provenance) and the access
 * record that documents the use. {@code cached}: the provider's answer was reused from the exchange's cache
 * (the resource allows it), fetched at {@code fetchedAt}; otherwise {@code fetchedAt} is when it was read now.
 */
public record DataAnswer(String resourceCode, String resourceName, String providerDepartment,
		String providerDepartmentName, String subjectMasked, List<String> fields, Map<String, Object> data,
		String grantId, PurposeCategory purposeCategory, String purpose, String legalBasis, String applicationId,
		Instant retrievedAt, long accessRecordSeq, boolean cached, Instant fetchedAt) {
}
