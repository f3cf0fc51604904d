package org.yiwang.catalog.item;

import java.util.regex.Pattern;

import org.yiwang.shared.web.InvalidRequestException;

/**
 * An item implementation code in the national style, e.g. {@code 62052400MZ-XK-0001}: 6–8 digit region code,
 * 2–6 letter department code, a type code ({@link ItemType#code()}), a 4-digit serial, and optionally up to two
 * 3-digit extensions for sub-items and handling items ({@code -001}).
 */
public record ItemCode(String value) {

	private static final Pattern FORMAT = Pattern.compile("^\\d{6,8}[A-Z]{2,6}-[A-Z]{2}-\\d{4}(-\\d{3}){0,2}$");

	public ItemCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new InvalidRequestException("item code must look like 62052400MZ-XK-0001", "itemCode",
					"must match region(6-8 digits)+department(2-6 letters)-type(2 letters)-serial(4 digits)[-ext(3 digits)]");
		}
	}

	/** The two-letter type code inside the item code. */
	public String typeCode() {
		return value.split("-")[1];
	}

	@Override
	public String toString() {
		return value;
	}

}
