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
 * @param pollInterval how often pending events are looked for
 * @param batchSize documents per collection and run
 * @param sendTimeout how long to wait for the broker's acknowledgement
 */
@ConfigurationProperties("platform.outbox")
public record OutboxProperties(@DefaultValue("true") boolean enabled, @DefaultValue List<String> collections,
		@DefaultValue("200ms") Duration pollInterval, @DefaultValue("100") int batchSize,
		@DefaultValue("10s") Duration sendTimeout) {

	public OutboxProperties {
		collections = collections == null ? List.of() : List.copyOf(collections);
		if (batchSize < 1) {
			throw new IllegalArgumentException("platform.outbox.batch-size must be >= 1");
		}
	}

}
