package org.yiwang.catalog.item;

import java.util.Optional;
import java.util.regex.Pattern;

import org.yiwang.shared.web.InvalidRequestException;

/**
 * An item implementation code in the national style, e.g. {@code 62052400MZ-XK-0001}: 6–8 digit region code,
 * 2–6 letter department code, a type code ({@link ItemType#code()}), a 4-digit serial, and up to two 3-digit
 * extensions: {@code -001} for a sub-item (子项) or a handling item of a main item, {@code -001-001} for a handling
 * item of a sub-item. The extended code's parent is the code without its last extension.
 */
public record ItemCode(String value) {

	private static final Pattern FORMAT = Pattern
		.compile("^(\\d{6,8})([A-Z]{2,6})-([A-Z]{2})-(\\d{4})((?:-\\d{3}){0,2})$");

	public ItemCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new InvalidRequestException("item code must look like 62052400MZ-XK-0001", "itemCode",
					"must match region(6-8 digits)+department(2-6 letters)-type(2 letters)-serial(4 digits)[-ext(3 digits)]{0,2}");
		}
	}

	/** The two-letter type code inside the item code. */
	public String typeCode() {
		return value.split("-")[1];
	}

	/** The region (行政区划) part, e.g. {@code 44030000}. */
	public String regionCode() {
		var matcher = FORMAT.matcher(value);
		matcher.matches();
		return matcher.group(1);
	}

	/**
	 * The item code (事项编码) this implementation code (实施编码) implements: the code without its region, shared by
	 * every region that implements the same item, e.g. {@code SCJG-XK-0001} for {@code 44030000SCJG-XK-0001}.
	 */
	public String basicCode() {
		return value.substring(regionCode().length());
	}

	/** The department part, e.g. {@code SCJG}. */
	public String departmentCode() {
		var matcher = FORMAT.matcher(value);
		matcher.matches();
		return matcher.group(2);
	}

	/** 0 for a main item's code, 1 or 2 for extended codes. */
	public int extensions() {
		return value.split("-").length - 3;
	}

	public Optional<ItemCode> parent() {
		return extensions() == 0 ? Optional.empty()
				: Optional.of(new ItemCode(value.substring(0, value.lastIndexOf('-'))));
	}

	/** Whether an item at this code may have the level: extensions mark sub-items and handling items. */
	public boolean admits(ItemLevel level) {
		return switch (extensions()) {
			case 0 -> level == ItemLevel.MAIN || level == ItemLevel.HANDLING;
			case 1 -> level == ItemLevel.SUB || level == ItemLevel.HANDLING;
			default -> level == ItemLevel.HANDLING;
		};
	}

	@Override
	public String toString() {
		return value;
	}

}
