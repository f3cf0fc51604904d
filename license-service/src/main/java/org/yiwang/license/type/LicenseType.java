package org.yiwang.license.type;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A licence type as the catalog defines it: learnt from {@code catalog.ItemPublished} of every handling item that
 * issues a licence (the latest publication wins), so departments and verifiers can see what each type means.
 *
 * @param code the licence type code, e.g. {@code FOOD_BUSINESS}
 * @param name its name, e.g. 食品经营许可证
 * @param validityYears validity in years, 0 for unlimited
 * @param issuingDepartment the department of the item that issues it
 * @param itemCode the handling item that issues it
 * @param itemVersion the catalog version that defined it
 * @param learntAt when this service learnt it
 */
@Document("license_types")
public record LicenseType(@Id String code, String name, int validityYears, String issuingDepartment,
		String itemCode, int itemVersion, Instant learntAt) {
}
