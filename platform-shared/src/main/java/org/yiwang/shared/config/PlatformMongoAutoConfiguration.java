package org.yiwang.shared.config;

import java.util.List;

import org.yiwang.shared.messaging.IdempotentConsumer;
import org.yiwang.shared.messaging.ProcessedEvents;
import org.yiwang.shared.mongo.KeyLookupIndexes;
import org.yiwang.shared.mongo.MongoPingHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
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
	KeyLookupIndexes keyLookupIndexes(MongoTemplate mongo, Environment environment) {
		Binder binder = Binder.get(environment);
		return new KeyLookupIndexes(mongo, binder.bind("platform.mongo.key-lookup-indexes", String.class).orElse("auto"),
				binder.bind("platform.mongo.key-lookups", Bindable.listOf(String.class)).orElse(List.of()));
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
