package org.yiwang.shared.identity;

import java.util.Map;
import java.util.Set;

/**
 * The rules of the 统一社会信用代码 (GB 32100-2015), once for every service: registration-authority and
 * organisation-type codes (appendix A), 6-digit division code, 9-character organisation code, MOD 31 check
 * character, all from the 31-character alphabet without I, O, Z, S, V.
 */
public final class Usccs {

	public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	/** Registration authority → organisation types it registers. */
	public static final Map<Character, Set<Character>> TYPES = Map.ofEntries(Map.entry('1', Set.of('1', '2', '3', '9')),
			Map.entry('2', Set.of('1', '9')), Map.entry('3', Set.of('1', '2', '3', '4', '5', '9')),
			Map.entry('4', Set.of('1', '9')), Map.entry('5', Set.of('1', '2', '3', '9')),
			Map.entry('6', Set.of('1', '2', '9')), Map.entry('7', Set.of('1', '2', '3', '9')),
			Map.entry('8', Set.of('1', '9')), Map.entry('9', Set.of('1', '2', '3')), Map.entry('A', Set.of('1', '9')),
			Map.entry('N', Set.of('1', '2', '3', '9')), Map.entry('Y', Set.of('1')));

	private Usccs() {
	}

	/**
	 * The platform's one rule for letter case (also {@link IdNumbers#normalise}): a USCC is accepted in upper or
	 * lower case and normalised to upper case before it is validated, stored, hashed or compared.
	 */
	public static String normalise(String raw) {
		return raw == null ? null : raw.toUpperCase(java.util.Locale.ROOT);
	}

	/** Why the code is invalid (letter case aside: see {@link #normalise}), or null. Never echoes it. */
	public static String problem(String raw) {
		String value = normalise(raw);
		if (value == null || value.length() != 18) {
			return "a unified social credit code has 18 characters";
		}
		for (int i = 0; i < 18; i++) {
			if (ALPHABET.indexOf(value.charAt(i)) < 0) {
				return "a unified social credit code uses digits and letters except I, O, Z, S, V";
			}
		}
		Set<Character> types = TYPES.get(value.charAt(0));
		if (types == null) {
			return "the registration authority code of the USCC does not exist";
		}
		if (!types.contains(value.charAt(1))) {
			return "the organisation type code of the USCC does not exist for its registration authority";
		}
		if (!IdNumbers.plausibleRegion(value.substring(2, 8))) {
			return "the region code of the USCC does not exist";
		}
		if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
			return "the check character of the USCC is wrong";
		}
		return null;
	}

	/** The MOD 31 check character of the first 17 characters (all from the alphabet). */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

}
