package org.yiwang.shared.contracts;

import org.yiwang.shared.events.InvalidEventException;

/**
 * {@code catalog.ItemPublished} v1 on {@code catalog.events}: a handling item (办理项) version was published and
 * may now be applied for. Consumed by application-service (validates submissions) and license-service (learns
 * the licence type the item issues).
 *
 * @param itemCode the item's implementation code (实施编码)
 * @param itemVersion the published version, pinned by applications
 * @param name the item's name
 * @param departmentCode competent department's code
 * @param departmentName competent department's name
 * @param promisedDays promised time limit in working days (承诺时限)
 * @param legalDays legal time limit in working days (法定时限)
 * @param licenseType licence type issued on approval, null when the item issues none
 * @param licenseName display name of that licence type
 * @param licenseValidityYears validity of the licence in years, 0 for unlimited
 */
public record ItemPublished(String itemCode, int itemVersion, String name, String departmentCode,
		String departmentName, int promisedDays, int legalDays, String licenseType, String licenseName,
		int licenseValidityYears) {

	public static final String TYPE = "catalog.ItemPublished";

	public static final int VERSION = 1;

	public ItemPublished {
		Contracts.requireText(itemCode, "payload.itemCode");
		Contracts.requireText(name, "payload.name");
		Contracts.requireText(departmentCode, "payload.departmentCode");
		if (itemVersion < 1) {
			throw new InvalidEventException("payload.itemVersion", "must be >= 1");
		}
	}

}
