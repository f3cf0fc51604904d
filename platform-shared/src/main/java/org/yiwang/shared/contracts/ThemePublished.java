package org.yiwang.shared.contracts;

import java.time.Instant;
import java.util.List;

import org.yiwang.shared.events.InvalidEventException;

/**
 * {@code catalog.ThemePublished} v1 on {@code catalog.events}: a one-thing theme (一件事) version was published;
 * its personalised plans now use it. application-service may accept combined applications for the theme's items.
 *
 * @param themeCode the theme's code, e.g. {@code open-restaurant}
 * @param themeVersion the published version
 * @param name the theme's name, e.g. 开餐馆
 * @param itemCodes the handling items the theme may include (which apply depends on the answers)
 * @param departmentCodes the departments involved
 * @param publishedAt when
 */
public record ThemePublished(String themeCode, int themeVersion, String name, List<String> itemCodes,
		List<String> departmentCodes, Instant publishedAt) {

	public static final String TYPE = "catalog.ThemePublished";

	public static final int VERSION = 1;

	public ThemePublished {
		Contracts.requireText(themeCode, "payload.themeCode");
		Contracts.requireText(name, "payload.name");
		if (themeVersion < 1) {
			throw new InvalidEventException("payload.themeVersion", "must be >= 1");
		}
		itemCodes = itemCodes == null ? List.of() : List.copyOf(itemCodes);
		departmentCodes = departmentCodes == null ? List.of() : List.copyOf(departmentCodes);
	}

}
