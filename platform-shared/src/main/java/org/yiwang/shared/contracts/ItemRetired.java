package org.yiwang.shared.contracts;

import java.time.Instant;

import org.yiwang.shared.events.InvalidEventException;

/**
 * {@code catalog.ItemRetired} v1 on {@code catalog.events}: a handling item (办理项) was retired (事项取消/废止);
 * no new applications may be made for it. Applications already made keep the version they pinned.
 * application-service should stop accepting submissions for the item; themes stop offering it.
 *
 * @param itemCode the item's implementation code (实施编码)
 * @param itemVersion the last published version, now retired
 * @param departmentCode competent department's code
 * @param reason why it was retired, as entered by the admin (may be empty)
 * @param retiredAt when
 */
public record ItemRetired(String itemCode, int itemVersion, String departmentCode, String reason,
		Instant retiredAt) {

	public static final String TYPE = "catalog.ItemRetired";

	public static final int VERSION = 1;

	public ItemRetired {
		Contracts.requireText(itemCode, "payload.itemCode");
		Contracts.requireText(departmentCode, "payload.departmentCode");
		if (itemVersion < 1) {
			throw new InvalidEventException("payload.itemVersion", "must be >= 1");
		}
	}

}
