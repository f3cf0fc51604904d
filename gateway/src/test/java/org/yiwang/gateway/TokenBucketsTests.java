package org.yiwang.gateway;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTests {

	@Test
	void allowsTheCapacityThenAsksToRetryAndRefillsOverTime() {
		AtomicLong now = new AtomicLong(0);
		TokenBuckets buckets = new TokenBuckets(Duration.ofSeconds(60), now::get);
		for (int i = 0; i < 3; i++) {
			assertThat(buckets.tryAcquire("a", 3)).isZero();
		}
		long retryAfter = buckets.tryAcquire("a", 3);
		assertThat(retryAfter).isBetween(1L, 20L);
		// other callers have their own bucket
		assertThat(buckets.tryAcquire("b", 3)).isZero();
		now.addAndGet(Duration.ofSeconds(retryAfter).toNanos());
		assertThat(buckets.tryAcquire("a", 3)).isZero();
	}

	@Test
	void idleBucketsAreEvicted() {
		AtomicLong now = new AtomicLong(0);
		TokenBuckets buckets = new TokenBuckets(Duration.ofSeconds(1), now::get);
		buckets.tryAcquire("a", 1);
		now.addAndGet(Duration.ofSeconds(5).toNanos());
		buckets.tryAcquire("b", 1);
		assertThat(buckets.size()).isEqualTo(1);
	}

}
