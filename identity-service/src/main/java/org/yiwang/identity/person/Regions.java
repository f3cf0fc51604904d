package org.yiwang.identity.person;

import org.yiwang.shared.identity.IdNumbers;

import java.util.Set;

/**
 * Province-level codes of GB/T 2260 (the first two digits of an administrative division code), shared by ID
 * numbers and USCCs: a code outside this set cannot belong to a real person or enterprise.
 */
public final class Regions {

	private Regions() {
	}

	/** A 6-digit division code whose province exists. */
	public static boolean plausible(String code) {
		return IdNumbers.plausibleRegion(code);
	}

	public static Set<String> provinces() {
		return IdNumbers.PROVINCES;
	}

}
