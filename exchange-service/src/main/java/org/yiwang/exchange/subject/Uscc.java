package org.yiwang.exchange.subject;

import org.yiwang.shared.identity.Usccs;

/**
 * An enterprise's unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
 * {@code 0-9A-HJ-NPQRTUWXY} (no I, O, S, V, Z), the 3rd–8th being the region code digits, and a MOD 31 check
 * character. {@link #toString()} is masked.
 */
public record Uscc(String value) {

	static final String CHARSET = Usccs.ALPHABET;

	public Uscc {
		String problem = problem(value);
		if (problem != null) {
			throw new InvalidSubjectException(problem);
		}
	}

	public static boolean isValid(String candidate) {
		return problem(candidate) == null;
	}

	static String problem(String candidate) {
		return Usccs.problem(candidate);
	}

	/** The GB 32100 check character of the first 17 characters (all from the charset). */
	public static char checkCharacter(String first17) {
		return Usccs.checkCharacter(first17);
	}

	public static Uscc of17(String first17) {
		return new Uscc(first17 + checkCharacter(first17));
	}

	public String masked() {
		return Masking.mask(value);
	}

	@Override
	public String toString() {
		return masked();
	}

}
