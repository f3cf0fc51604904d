package org.yiwang.application.department;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a department decision's {@code Idempotency-Key} is remembered ({@code platform.idempotency.*}).
 *
 * @param retention how long after its first use a key replays the stored answer (default 24 h); afterwards the
 * same key is a new request. A department system retries within minutes, not days; keeping keys forever would
 * only grow the collection. A changed retention applies to keys stored after the change.
 * @param sweepInterval how often expired keys are deleted (default 10 min; a real MongoDB also drops them through
 * the TTL index on {@code expiresAt})
 */
@ConfigurationProperties("platform.idempotency")
public record IdempotencyProperties(Duration retention, Duration sweepInterval) {

	public IdempotencyProperties {
		retention = retention == null ? Duration.ofHours(24) : retention;
		sweepInterval = sweepInterval == null ? Duration.ofMinutes(10) : sweepInterval;
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("platform.idempotency.retention must be positive");
		}
	}

}
