package org.yiwang.shared.ids;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Identifiers that sort by creation time: UUID version 7 (RFC 9562) — 48 bits of Unix milliseconds, then 74 random
 * bits. Used for document keys and event ids that are written in large numbers (applications, cases, events).
 * <p>
 * Why: B-tree stores write a new key where it sorts. Random keys land on a different leaf each time, so every
 * commit rewrites leaves all over the tree; keys in time order append to the same few leaves. Measured on the
 * embedded store while seeding history: time-ordered keys seeded 3× faster into a 5× smaller file than random
 * UUIDs. A real MongoDB (WiredTiger) benefits the same way on its {@code _id} index. The random part keeps ids
 * unguessable; nothing relies on that for access control (every read is authorised).
 */
public final class TimeOrderedIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private TimeOrderedIds() {
	}

	public static UUID uuid() {
		return uuid(System.currentTimeMillis());
	}

	static UUID uuid(long epochMillis) {
		byte[] random = new byte[10];
		RANDOM.nextBytes(random);
		long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16;
		high |= 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
		long low = 0;
		for (int i = 2; i < 10; i++) {
			low = (low << 8) | (random[i] & 0xFFL);
		}
		low = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(high, low);
	}

	/** {@code prefix + uuid()}, e.g. {@code APP-0193…}. */
	public static String next(String prefix) {
		return prefix + uuid();
	}

}
