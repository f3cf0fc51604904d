package org.yiwang.bench.peer;

/**
 * The peer's licence numbers, shaped like the platform's: {@code <type>-<issuer>-<year>-<serial6>-<check>}, the
 * check character by ISO/IEC 7064 MOD 37-36 over the letters and digits of the rest.
 */
final class LicenceNumbers {

	private static final String SYMBOLS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	private LicenceNumbers() {
	}

	static String number(String type, String issuer, int year, long serial) {
		String body = type + '-' + issuer + '-' + year + '-' + String.format("%06d", serial);
		return body + '-' + check(body);
	}

	/** ISO/IEC 7064 hybrid system, modulus 36 (37-36): the character that makes the whole string check out. */
	static char check(String body) {
		int carry = 36;
		for (int i = 0; i < body.length(); i++) {
			int value = SYMBOLS.indexOf(Character.toUpperCase(body.charAt(i)));
			if (value < 0) {
				continue;
			}
			int step = (carry + value) % 36;
			carry = ((step == 0 ? 36 : step) * 2) % 37;
		}
		return SYMBOLS.charAt((37 - carry) % 36);
	}

	static boolean valid(String number) {
		int dash = number.lastIndexOf('-');
		return dash == number.length() - 2 && check(number.substring(0, dash)) == number.charAt(dash + 1);
	}

}
