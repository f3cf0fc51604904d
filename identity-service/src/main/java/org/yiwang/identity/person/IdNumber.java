package org.yiwang.identity.person;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * 公民身份号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2 check
 * character. Validated on construction so an invalid number never enters the system; {@link #toString()} is masked
 * because the value is personal data that must never reach a log line by accident.
 */
public final class IdNumber {

	public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private final String value;

	private IdNumber(String value) {
		this.value = value;
	}

	/** Parses and validates against today (Asia/Shanghai); a trailing lower-case {@code x} is accepted as X. */
	public static IdNumber of(String raw) {
		return of(raw, LocalDate.now(ZONE));
	}

	public static IdNumber of(String raw, LocalDate today) {
		String problem = problem(raw, today);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		return new IdNumber(normalise(raw));
	}

	public static boolean isValid(String raw, LocalDate today) {
		return problem(raw, today) == null;
	}

	/** Why the number is invalid (without echoing it), or null when valid. */
	public static String problem(String raw, LocalDate today) {
		if (raw == null || raw.length() != 18) {
			return "an ID number has 18 characters";
		}
		String value = normalise(raw);
		for (int i = 0; i < 17; i++) {
			if (value.charAt(i) < '0' || value.charAt(i) > '9') {
				return "the first 17 characters of an ID number are digits";
			}
		}
		char last = value.charAt(17);
		if (!((last >= '0' && last <= '9') || last == 'X')) {
			return "the check character of an ID number is a digit or X";
		}
		if (!Regions.plausible(value.substring(0, 6))) {
			return "the region code of the ID number does not exist";
		}
		LocalDate birth;
		try {
			birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
					Integer.parseInt(value.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			return "the birth date of the ID number is not a date";
		}
		if (birth.isAfter(today) || birth.getYear() < 1900) {
			return "the birth date of the ID number is not plausible";
		}
		if (value.substring(14, 17).equals("000")) {
			return "the sequence code of the ID number is not plausible";
		}
		if (checkCharacter(value.substring(0, 17)) != last) {
			return "the check character of the ID number is wrong";
		}
		return null;
	}

	/** The MOD 11-2 check character of the first 17 digits. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	private static String normalise(String raw) {
		return raw.length() == 18 && raw.charAt(17) == 'x' ? raw.substring(0, 17) + 'X' : raw;
	}

	/** The plain number; only for encryption, hashing and the Keycloak-free checks that need it. */
	public String value() {
		return value;
	}

	public LocalDate birthDate() {
		return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
				Integer.parseInt(value.substring(12, 14)));
	}

	public String regionCode() {
		return value.substring(0, 6);
	}

	/** e.g. {@code 4403**********123X}: region prefix and last four, as shown in responses and logs. */
	public String masked() {
		return Masking.idNumber(value);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof IdNumber id && id.value.equals(value);
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
