package org.yiwang.shared.contracts;

import java.time.Instant;
import java.util.List;

import org.yiwang.shared.events.InvalidEventException;

/**
 * {@code catalog.ThemePublished} v1 on {@code catalog.events}: a one-thing theme (一件事) version was published;
 * its personalised plans now use it, and application-service binds submissions under the theme to its
 * {@link ThemePlan plan}.
 *
 * @param themeCode the theme's code, e.g. {@code open-restaurant}
 * @param themeVersion the published version
 * @param name the theme's name, e.g. 开餐馆
 * @param itemCodes the handling items the theme may include (which apply depends on the answers)
 * @param departmentCodes the departments involved
 * @param publishedAt when
 * @param plan the theme's rules (questionnaire, rules, order constraints) that bind submissions; added to v1
 * compatibly: absent (null) in older events, whose themes cannot be applied for until published again
 */
public record ThemePublished(String themeCode, int themeVersion, String name, List<String> itemCodes,
		List<String> departmentCodes, Instant publishedAt, ThemePlan plan) {

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

	/** A theme without its rules (the v1 shape before they were added). */
	public ThemePublished(String themeCode, int themeVersion, String name, List<String> itemCodes,
			List<String> departmentCodes, Instant publishedAt) {
		this(themeCode, themeVersion, name, itemCodes, departmentCodes, publishedAt, null);
	}

}
