package org.yiwang.bench.seed;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Free positions in each issuer's status lists. license-service gives every licence a random position among
 * {@value #SIZE} per issuing department (herd privacy) and reserves it under the unique id {@code <issuer>|<index>}
 * in {@code license_status_indexes}; a seeded licence needs one too, or a later revocation of either licence would
 * flag both. Positions are drawn at random among the free ones, like the service does.
 */
final class StatusIndexPool {

	/** license-service's {@code BitstringStatusList.SIZE}: positions per issuer, one list, no second list. */
	static final int SIZE = 131_072;

	private final Map<String, BitSet> taken = new HashMap<>();

	private final SplittableRandom random;

	StatusIndexPool(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/** A position already reserved (found in the database, or taken by the platform meanwhile). */
	void taken(String issuer, int index) {
		if (index >= 0 && index < SIZE) {
			taken.computeIfAbsent(issuer, i -> new BitSet(SIZE)).set(index);
		}
	}

	int free(String issuer) {
		BitSet bits = taken.get(issuer);
		return SIZE - (bits == null ? 0 : bits.cardinality());
	}

	/** A random free position, now taken. */
	int draw(String issuer) {
		BitSet bits = taken.computeIfAbsent(issuer, i -> new BitSet(SIZE));
		int free = SIZE - bits.cardinality();
		if (free == 0) {
			throw new IllegalStateException("the status list of " + issuer + " is full: license-service has " + SIZE
					+ " positions per issuing department and no second list, so it cannot issue more licences");
		}
		int index;
		if (free > SIZE / 8) {
			do {
				index = random.nextInt(SIZE);
			}
			while (bits.get(index));
		}
		else {
			// nearly full: pick the n-th free position instead of drawing blindly
			int n = random.nextInt(free);
			index = bits.nextClearBit(0);
			for (int i = 0; i < n; i++) {
				index = bits.nextClearBit(index + 1);
			}
		}
		bits.set(index);
		return index;
	}

}
