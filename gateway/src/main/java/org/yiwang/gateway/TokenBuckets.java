package org.yiwang.gateway;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per key, refilling continuously ({@code capacity} tokens per {@code window}). Limits
 * are per gateway instance: with N replicas a caller may get up to N times the limit, which is the documented
 * trade-off for not needing Redis. Idle buckets are evicted.
 */
final class TokenBuckets {

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final Duration window;

	private final LongSupplier nanoClock;

	private volatile long lastEviction;

	TokenBuckets(Duration window, LongSupplier nanoClock) {
		this.window = window;
		this.nanoClock = nanoClock;
		this.lastEviction = nanoClock.getAsLong();
	}

	/** Takes one token; returns 0 if allowed, else the seconds until one is available (for Retry-After). */
	long tryAcquire(String key, int capacity) {
		long now = nanoClock.getAsLong();
		evictIdle(now);
		Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
		return bucket.take(capacity, window.toNanos(), now);
	}

	int size() {
		return buckets.size();
	}

	private void evictIdle(long now) {
		if (now - lastEviction < window.toNanos()) {
			return;
		}
		lastEviction = now;
		for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext();) {
			Bucket bucket = it.next();
			if (now - bucket.lastRefill > 2 * window.toNanos()) {
				it.remove();
			}
		}
	}

	private static final class Bucket {

		private double tokens;

		private long lastRefill;

		Bucket(int capacity, long now) {
			this.tokens = capacity;
			this.lastRefill = now;
		}

		synchronized long take(int capacity, long windowNanos, long now) {
			double perNano = (double) capacity / windowNanos;
			tokens = Math.min(capacity, tokens + (now - lastRefill) * perNano);
			lastRefill = now;
			if (tokens >= 1) {
				tokens -= 1;
				return 0;
			}
			double nanosUntilToken = (1 - tokens) / perNano;
			return Math.max(1, (long) Math.ceil(nanosUntilToken / 1_000_000_000d));
		}

	}

}
