package org.yiwang.exchange.subject;

import org.yiwang.shared.identity.IdNumbers;

/** The only form in which an ID number or USCC may appear in logs, responses and audit: {@code 4403**********123X}. */
public final class Masking {

	private Masking() {
	}

	public static String mask(String value) {
		return IdNumbers.mask(value);
	}

}
