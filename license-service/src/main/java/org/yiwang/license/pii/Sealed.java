package org.yiwang.license.pii;

import java.util.Objects;

/**
 * A text that is personal data (an ID number, or a signed credential containing one): plain in memory, encrypted
 * (AES-GCM) whenever it is written to MongoDB by the converters of {@link PiiConversions}. Its {@code toString}
 * never shows the value, so a stray log statement cannot leak it.
 *
 * @param value the plain text
 */
public record Sealed(String value) {

	public Sealed {
		Objects.requireNonNull(value, "value");
	}

	public static Sealed of(String value) {
		return value == null ? null : new Sealed(value);
	}

	public static String valueOf(Sealed sealed) {
		return sealed == null ? null : sealed.value();
	}

	@Override
	public String toString() {
		return "Sealed[***]";
	}

}
