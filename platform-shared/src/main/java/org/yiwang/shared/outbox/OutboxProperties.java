package org.yiwang.shared.outbox;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox relay settings ({@code platform.outbox.*}).
 *
 * @param enabled whether the relay runs in this process
 * @param collections the MongoDB collections whose documents carry an {@code outbox} array
 * @param sweepInterval how often the collections are searched for events left behind (by a process that died
 * between its save and its relay); events saved by this process are published at once, without a search
 * @param batchSize documents per lookup and per broker round trip
 * @param sendTimeout how long to wait for the broker's acknowledgements of one batch
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue List<String> collections,
		@DefaultValue("1m") Duration sweepInterval, @DefaultValue("100") int batchSize,
		@DefaultValue("10s") Duration sendTimeout) {

	public OutboxProperties {
		collections = collections == null ? List.of() : List.copyOf(collections);
		if (batchSize < 1) {
			throw new IllegalArgumentException("platform.outbox.batch-size must be >= 1");
		}
		if (sweepInterval == null || sweepInterval.isNegative() || sweepInterval.isZero()) {
			throw new IllegalArgumentException("platform.outbox.sweep-interval must be positive");
		}
	}

}
