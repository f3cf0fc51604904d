package org.yiwang.shared.mongo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The retention sweeper's schedule ({@code platform.retention.*}); what each collection keeps is
 * {@code platform.retention.<name>.max-age} / {@code .enabled} of its {@link Retention}.
 *
 * @param enabled whether anything is swept at all (off: nothing is removed and no TTL index is declared; the
 * platform's own TTL indexes are dropped, so off means off on a real MongoDB too)
 * @param interval time between the end of one sweep and the start of the next
 * @param initialDelay time from start to the first sweep (shortly after start, not during it)
 * @param batchSize documents looked up and removed per round trip; a sweep repeats batches until nothing is left
 */
@ConfigurationProperties("platform.retention")
public record RetentionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1h") Duration interval,
		@DefaultValue("2m") Duration initialDelay, @DefaultValue("1000") int batchSize) {

	public RetentionProperties {
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("platform.retention.interval must be positive");
		}
		if (initialDelay == null || initialDelay.isNegative()) {
			throw new IllegalArgumentException("platform.retention.initial-delay must not be negative");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("platform.retention.batch-size must be >= 1");
		}
	}

	/** The defaults: on, hourly, first sweep 2 minutes after start, 1,000 documents per batch. */
	public static RetentionProperties defaults() {
		return new RetentionProperties(true, Duration.ofHours(1), Duration.ofMinutes(2), 1000);
	}

}
