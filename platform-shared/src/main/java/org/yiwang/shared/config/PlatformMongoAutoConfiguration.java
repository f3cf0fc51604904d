package org.yiwang.shared.config;

import java.util.List;

import org.yiwang.shared.messaging.IdempotentConsumer;
import org.yiwang.shared.messaging.ProcessedEvents;
import org.yiwang.shared.mongo.KeyLookupIndexes;
import org.yiwang.shared.mongo.MongoPingHealthIndicator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Idempotent-consumer records, key-lookup indexes for guarded writes, and the ping-based Mongo health check. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
@ConditionalOnBean(MongoTemplate.class)
public class PlatformMongoAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProcessedEvents processedEvents(MongoTemplate mongo) {
		return new ProcessedEvents(mongo);
	}

	@Bean
	@ConditionalOnMissingBean
	IdempotentConsumer idempotentConsumer(ProcessedEvents processedEvents) {
		return new IdempotentConsumer(processedEvents);
	}

	@Bean
	@ConditionalOnMissingBean
	KeyLookupIndexes keyLookupIndexes(MongoTemplate mongo,
			@Value("${platform.mongo.key-lookup-indexes:auto}") String mode,
			@Value("${platform.mongo.key-lookups:}") List<String> extra) {
		return new KeyLookupIndexes(mongo, mode, extra);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
	static class Health {

		@Bean(name = "mongoHealthIndicator")
		MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
			return new MongoPingHealthIndicator(mongo);
		}

	}

}
