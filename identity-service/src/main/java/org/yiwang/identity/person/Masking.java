package org.yiwang.identity.person;

import org.yiwang.shared.identity.IdNumbers;

/** How personal numbers are shown when they must be shown at all: enough to recognise, not enough to use. */
public final class Masking {

	private Masking() {
	}

	/** {@code 440305199001011234} → {@code 4403**********1234}. */
	public static String idNumber(String value) {
		return value == null || value.length() < 8 ? "****" : IdNumbers.mask(value);
	}

	/** {@code 13812345678} → {@code 138****5678}. */
	public static String phone(String value) {
		if (value == null || value.length() < 7) {
			return "****";
		}
		return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
	}

}
