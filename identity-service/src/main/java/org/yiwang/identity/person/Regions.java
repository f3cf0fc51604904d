package org.yiwang.identity.person;

import java.util.Set;

/**
 * Province-level codes of GB/T 2260 (the first two digits of an administrative division code), shared by ID
 * numbers and USCCs: a code outside this set cannot belong to a real person or enterprise.
 */
public final class Regions {

	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
			"63", "64", "65", "71", "81", "82");

	private Regions() {
	}

	/** A 6-digit division code whose province exists. */
	public static boolean plausible(String code) {
		if (code == null || code.length() != 6) {
			return false;
		}
		for (int i = 0; i < 6; i++) {
			if (code.charAt(i) < '0' || code.charAt(i) > '9') {
				return false;
			}
		}
		return PROVINCES.contains(code.substring(0, 2));
	}

	public static Set<String> provinces() {
		return PROVINCES;
	}

}
