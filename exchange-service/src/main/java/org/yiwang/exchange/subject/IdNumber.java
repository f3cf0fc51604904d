package org.yiwang.exchange.subject;

import org.yiwang.shared.identity.IdNumbers;

/**
 * A citizen's 18-character ID number (公民身份号码), validated by the platform's shared rules ({@link IdNumbers}). Invalid
 * values never become an instance; {@link #toString()} is masked so the number cannot leak into a log by accident.
 */
public record IdNumber(String value) {

	public IdNumber {
		// a typed lower-case x is the same number: store the canonical form, so keyed hashes agree
		value = IdNumbers.normalise(value);
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
		return IdNumbers.problem(candidate);
	}

	/** The GB 11643 check character of the first 17 digits. */
	public static char checkCharacter(String first17) {
		return IdNumbers.checkCharacter(first17);
	}

	/** Completes 17 digits with their check character. */
	public static IdNumber of17(String first17) {
		return new IdNumber(first17 + checkCharacter(first17));
	}

	public String masked() {
		return Masking.mask(value);
	}

	@Override
	public String toString() {
		return masked();
	}

}
