package org.yiwang.catalog.theme;

import org.yiwang.shared.web.InvalidRequestException;

/** A theme's code in kebab-case, e.g. {@code open-restaurant}; stable in URLs. */
public record ThemeCode(String value) {

	public ThemeCode {
		if (value == null || !value.matches("^[a-z][a-z0-9-]{1,39}$")) {
			throw new InvalidRequestException("theme code must be kebab-case like open-restaurant", "themeCode",
					"must match [a-z][a-z0-9-]{1,39}");
		}
	}

}
