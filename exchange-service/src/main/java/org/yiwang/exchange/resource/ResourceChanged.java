package org.yiwang.exchange.resource;

import java.time.Instant;
import java.util.List;

/**
 * {@code exchange.ResourcePublished} / {@code exchange.ResourceUpdated}: a catalog entry was published or its
 * terms changed. Consumers (e.g. a portal's catalog page) refresh their copy.
 */
public record ResourceChanged(String code, String name, String providerDepartment, SharingType sharingType,
		ServingMode servingMode, List<String> fields, long revision, String changedBy, Instant changedAt,
		int cacheTtl) {

	public static final String PUBLISHED = "exchange.ResourcePublished";

	public static final String UPDATED = "exchange.ResourceUpdated";

}
