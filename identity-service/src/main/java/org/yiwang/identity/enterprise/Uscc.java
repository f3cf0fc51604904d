package org.yiwang.identity.enterprise;

import org.yiwang.shared.identity.Usccs;

import java.util.Map;
import java.util.Set;


/**
 * 统一社会信用代码 (GB 32100-2015): registration-authority code, organisation-type code, 6-digit administrative
 * division code, 9-character organisation code, MOD 31 check character, all from the 31-character alphabet without
 * I, O, Z, S, V. Validated on construction: an enterprise is identified by it everywhere.
 */
public record Uscc(String value) {

	static final String ALPHABET = Usccs.ALPHABET;

	/** Registration authority → organisation types it registers (GB 32100 appendix A). */
	static final Map<Character, Set<Character>> TYPES = Usccs.TYPES;

	/** Accepts either letter case and keeps the upper-case form (the platform's rule, {@link Usccs#normalise}). */
	public Uscc {
		value = Usccs.normalise(value);
		String problem = problem(value);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
	}

	public static Uscc of(String raw) {
		return new Uscc(raw);
	}

	public static boolean isValid(String raw) {
		return problem(raw) == null;
	}

	/** Why the code is invalid, or null. */
	public static String problem(String value) {
		return Usccs.problem(value);
	}

	/** The MOD 31 check character of the first 17 characters (all from the alphabet). */
	public static char checkCharacter(String first17) {
		return Usccs.checkCharacter(first17);
	}

	@Override
	public String toString() {
		return value;
	}

}
