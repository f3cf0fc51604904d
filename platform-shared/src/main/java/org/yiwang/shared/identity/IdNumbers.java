package org.yiwang.shared.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * The rules of the 公民身份号码 (GB 11643-1999), once for every service: 6-digit region code (province per
 * GB/T 2260), 8-digit birth date, 3-digit sequence (not 000), ISO 7064 MOD 11-2 check character. Services wrap
 * them in their own value objects; problems never echo the number.
 */
public final class IdNumbers {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Province-level prefixes of GB/T 2260 division codes, shared by ID numbers and USCCs. */
	public static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
			"34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
			"64", "65", "71", "81", "82");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	private IdNumbers() {
	}

	/** Why the number is invalid as of {@code today}, or null when valid; a trailing {@code x} counts as X. */
	public static String problem(String raw, LocalDate today) {
		if (raw == null || raw.length() != 18) {
			return "an ID number has 18 characters";
		}
		String value = normalise(raw);
		for (int i = 0; i < 17; i++) {
			if (!digit(value.charAt(i))) {
				return "the first 17 characters of an ID number are digits";
			}
		}
		char last = value.charAt(17);
		if (!(digit(last) || last == 'X')) {
			return "the check character of an ID number is a digit or X";
		}
		if (!plausibleRegion(value.substring(0, 6))) {
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

	public static String problem(String raw) {
		return problem(raw, LocalDate.now(ZONE));
	}

	/** The MOD 11-2 check character of the first 17 digits. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	/**
	 * Upper-cases a trailing {@code x}: the platform accepts the check character X in either case and stores,
	 * hashes and compares the upper-case form (the same rule as {@link Usccs#normalise}).
	 */
	public static String normalise(String raw) {
		return raw != null && raw.length() == 18 && raw.charAt(17) == 'x' ? raw.substring(0, 17) + 'X' : raw;
	}

	/** A 6-digit division code whose province exists. */
	public static boolean plausibleRegion(String code) {
		if (code == null || code.length() != 6) {
			return false;
		}
		for (int i = 0; i < 6; i++) {
			if (!digit(code.charAt(i))) {
				return false;
			}
		}
		return PROVINCES.contains(code.substring(0, 2));
	}

	/**
	 * The only form an ID number (or USCC) may take in responses, logs and audit: region prefix and last four,
	 * {@code 4403**********123X}.
	 */
	public static String mask(String value) {
		if (value == null) {
			return null;
		}
		if (value.length() <= 8) {
			return "*".repeat(value.length());
		}
		return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
	}

	private static boolean digit(char c) {
		return c >= '0' && c <= '9';
	}

}
