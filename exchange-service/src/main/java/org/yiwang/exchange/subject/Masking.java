package org.yiwang.exchange.subject;

/** The only form in which an ID number or USCC may appear in logs, responses and audit: {@code 4403**********123X}. */
public final class Masking {

	private Masking() {
	}

	public static String mask(String value) {
		if (value == null) {
			return null;
		}
		if (value.length() <= 8) {
			return "*".repeat(value.length());
		}
		return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
	}

}
