package org.yiwang.identity.person;

import org.yiwang.shared.identity.IdNumbers;
import java.time.LocalDate;

/**
 * 公民身份号码 (GB 11643-1999), with the rules of {@link IdNumbers} (shared by every service). Validated on construction so an invalid number never enters the system; {@link #toString()} is masked
 * because the value is personal data that must never reach a log line by accident.
 */
public final class IdNumber {

	public static final java.time.ZoneId ZONE = IdNumbers.ZONE;

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
		return IdNumbers.problem(raw, today);
	}

	/** The MOD 11-2 check character of the first 17 digits. */
	public static char checkCharacter(String first17) {
		return IdNumbers.checkCharacter(first17);
	}

	private static String normalise(String raw) {
		return IdNumbers.normalise(raw);
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
