package org.yiwang.shared.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.yiwang.shared.mongo.Retention;
import org.yiwang.shared.mongo.RetentionProperties;
import org.yiwang.shared.mongo.RetentionSweeper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Bounded collections: the {@link RetentionSweeper} over every {@link Retention} bean of the service, each with
 * its {@code platform.retention.<name>.max-age} / {@code .enabled} applied; and the retention of the idempotent
 * consumers' {@code processed_events}, which every service with MongoDB has.
 */
@AutoConfiguration(after = PlatformMongoAutoConfiguration.class,
		afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnBean(MongoTemplate.class)
@EnableConfigurationProperties(RetentionProperties.class)
public class PlatformRetentionAutoConfiguration {

	/**
	 * A processed-event record only has to outlive every chance of its event being delivered again. Kafka keeps the
	 * platform's topics for 7 days (broker default {@code log.retention.hours=168}; no topic overrides it) and a
	 * consumer group's committed offsets as long ({@code offsets.retention.minutes}): a redelivery, even a group
	 * re-reading from the earliest offset, is of events at most 7 days old. 30 days leave a wide margin; raise
	 * {@code platform.retention.processed-events.max-age} with any raised topic retention.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "processedEventsRetention")
	Retention processedEventsRetention() {
		// the collection and time field of org.yiwang.shared.messaging.ProcessedEvents
		return Retention.of("processed-events", "processed_events", "processedAt", Duration.ofDays(30));
	}

	@Bean
	@ConditionalOnMissingBean
	RetentionSweeper retentionSweeper(MongoTemplate mongo, ObjectProvider<Retention> retentions,
			RetentionProperties properties, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters,
			Environment environment) {
		Binder binder = Binder.get(environment);
		List<Retention> configured = retentions.orderedStream()
			.map(retention -> retention.configured(
					binder.bind("platform.retention." + retention.name() + ".max-age", Duration.class).orElse(null),
					binder.bind("platform.retention." + retention.name() + ".enabled", Boolean.class).orElse(null)))
			.toList();
		return new RetentionSweeper(mongo, configured, properties, clock.getIfUnique(Clock::systemUTC),
				meters.getIfUnique());
	}

}
