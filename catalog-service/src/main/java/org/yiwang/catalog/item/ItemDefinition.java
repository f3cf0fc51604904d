package org.yiwang.catalog.item;

import org.yiwang.shared.web.InvalidRequestException;

/**
 * The editable elements of a handling item, validated as a whole: promised ≤ legal time limit, a licence type
 * comes with its name.
 */
public record ItemDefinition(String name, ItemType type, String departmentCode, String departmentName,
		String legalBasis, int legalDays, int promisedDays, String licenseType, String licenseName,
		int licenseValidityYears) {

	public ItemDefinition {
		if (promisedDays > legalDays) {
			throw new InvalidRequestException("the promised time limit cannot exceed the legal one", "promisedDays",
					"must be <= legalDays (" + legalDays + ")");
		}
		if (licenseType != null && (licenseName == null || licenseName.isBlank())) {
			throw new InvalidRequestException("a licence type needs a name", "licenseName",
					"required when licenseType is given");
		}
	}

}
