package org.yiwang.exchange.subject;

/**
 * An enterprise's unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
 * {@code 0-9A-HJ-NPQRTUWXY} (no I, O, S, V, Z), the 3rd–8th being the region code digits, and a MOD 31 check
 * character. {@link #toString()} is masked.
 */
public record Uscc(String value) {

	static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

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
		if (candidate == null || candidate.length() != 18) {
			return "must be an 18-character unified social credit code";
		}
		for (int i = 0; i < 18; i++) {
			if (CHARSET.indexOf(candidate.charAt(i)) < 0) {
				return "must use only 0-9 and upper-case letters except I, O, S, V, Z";
			}
		}
		for (int i = 2; i < 8; i++) {
			if (!Character.isDigit(candidate.charAt(i))) {
				return "must contain a 6-digit region code at positions 3-8";
			}
		}
		if (candidate.charAt(17) != checkCharacter(candidate.substring(0, 17))) {
			return "has a wrong check character";
		}
		return null;
	}

	/** The GB 32100 check character of the first 17 characters (all from the charset). */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return CHARSET.charAt(check == 31 ? 0 : check);
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
