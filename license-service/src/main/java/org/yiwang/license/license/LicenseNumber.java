package org.yiwang.license.license;

/**
 * Licence numbers: {@code <type>-<issuer>-<year>-<serial, 6 digits>-<check>}, the check character computed with
 * ISO/IEC 7064 MOD 37-36 over the other characters (letters and digits only), so a mistyped number is caught
 * before any lookup.
 */
public final class LicenseNumber {

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	private LicenseNumber() {
	}

	public static String of(String type, String issuer, int year, long serial) {
		String body = type + "-" + issuer + "-" + year + "-" + String.format("%06d", serial);
		return body + "-" + checkCharacter(body);
	}

	public static boolean isValid(String number) {
		int dash = number == null ? -1 : number.lastIndexOf('-');
		if (dash < 1 || dash != number.length() - 2) {
			return false;
		}
		return checkCharacter(number.substring(0, dash)) == number.charAt(number.length() - 1);
	}

	static char checkCharacter(String body) {
		int m = 36;
		int product = m;
		for (char raw : body.toUpperCase().toCharArray()) {
			int value = ALPHABET.indexOf(raw);
			if (value < 0) {
				continue;
			}
			int sum = (product + value) % m;
			if (sum == 0) {
				sum = m;
			}
			product = (sum * 2) % (m + 1);
		}
		int check = (m + 1 - product) % m;
		return ALPHABET.charAt(check);
	}

}
