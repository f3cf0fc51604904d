package org.yiwang.exchange.subject;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * A citizen's 18-character ID number (公民身份号码, GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence and an ISO 7064 MOD 11-2 check character ({@code 0-9} or upper-case {@code X}). Invalid
 * values never become an instance; {@link #toString()} is masked so the number cannot leak into a log by accident.
 */
public record IdNumber(String value) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK = "10X98765432";

	/** Province-level prefixes of GB/T 2260 region codes. */
	static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
			"35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
			"65", "71", "81", "82");

	public IdNumber {
		String problem = problem(value);
		if (problem != null) {
			throw new InvalidSubjectException(problem);
		}
	}

	public static boolean isValid(String candidate) {
		return problem(candidate) == null;
	}

	/** Why the candidate is not a valid ID number, or null when it is. Never echoes the value. */
	static String problem(String candidate) {
		if (candidate == null || candidate.length() != 18) {
			return "must be an 18-character ID number";
		}
		for (int i = 0; i < 17; i++) {
			if (!isDigit(candidate.charAt(i))) {
				return "must be 17 digits followed by a check character";
			}
		}
		if (!PROVINCES.contains(candidate.substring(0, 2))) {
			return "must start with a valid region code";
		}
		LocalDate birth;
		try {
			birth = LocalDate.of(Integer.parseInt(candidate.substring(6, 10)), Integer.parseInt(candidate.substring(10, 12)),
					Integer.parseInt(candidate.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			return "must contain a valid birth date";
		}
		if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")))) {
			return "must contain a valid birth date";
		}
		if (candidate.charAt(17) != checkCharacter(candidate.substring(0, 17))) {
			return "has a wrong check character";
		}
		return null;
	}

	/** The GB 11643 check character of the first 17 digits. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	/** Completes 17 digits with their check character. */
	public static IdNumber of17(String first17) {
		return new IdNumber(first17 + checkCharacter(first17));
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	public String masked() {
		return Masking.mask(value);
	}

	@Override
	public String toString() {
		return masked();
	}

}
