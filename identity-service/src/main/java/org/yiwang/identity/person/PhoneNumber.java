package org.yiwang.identity.person;

import java.util.regex.Pattern;

/**
 * A mainland China mobile number (11 digits, 1[3-9]…); a leading {@code +86} is accepted and dropped. Personal
 * data: {@link #toString()} is masked.
 */
public final class PhoneNumber {

	private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

	private final String value;

	private PhoneNumber(String value) {
		this.value = value;
	}

	public static PhoneNumber of(String raw) {
		String value = normalise(raw);
		if (value == null || !MOBILE.matcher(value).matches()) {
			throw new IllegalArgumentException("a mobile number has 11 digits and starts with 13-19");
		}
		return new PhoneNumber(value);
	}

	public static boolean isValid(String raw) {
		String value = normalise(raw);
		return value != null && MOBILE.matcher(value).matches();
	}

	private static String normalise(String raw) {
		if (raw == null) {
			return null;
		}
		String value = raw.strip();
		return value.startsWith("+86") ? value.substring(3) : value;
	}

	public String value() {
		return value;
	}

	public String masked() {
		return Masking.phone(value);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof PhoneNumber p && p.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return masked();
	}

}
