package org.yiwang.bench.seed;

/**
 * Licence numbers as license-service makes them: {@code <type>-<issuer>-<year>-<serial, 6 digits>-<check>}, the
 * check character by ISO/IEC 7064 MOD 37-36 over the letters and digits of the rest. Seeded licences take their
 * serials from license-service's own counters, so the numbers it issues later never collide with them.
 */
final class LicenceNumbers {

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	private LicenceNumbers() {
	}

	static String of(String type, String issuer, int year, long serial) {
		String body = type + "-" + issuer + "-" + year + "-" + String.format("%06d", serial);
		return body + "-" + check(body);
	}

	static boolean valid(String number) {
		int dash = number == null ? -1 : number.lastIndexOf('-');
		return dash > 0 && dash == number.length() - 2
				&& check(number.substring(0, dash)) == number.charAt(number.length() - 1);
	}

	static char check(String body) {
		int modulus = 36;
		int product = modulus;
		for (char c : body.toUpperCase().toCharArray()) {
			int value = ALPHABET.indexOf(c);
			if (value < 0) {
				continue;
			}
			int sum = (product + value) % modulus;
			product = (sum == 0 ? modulus : sum) * 2 % (modulus + 1);
		}
		return ALPHABET.charAt((modulus + 1 - product) % modulus);
	}

}
