package org.yiwang.shared.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.yiwang.shared.events.InvalidEventException;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.messaging.DeadLetterRecoverer;
import org.yiwang.shared.outbox.OutboxProperties;
import org.yiwang.shared.outbox.OutboxRelay;
import org.yiwang.shared.outbox.OutboxSaveListener;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Topics (declared, not auto-created), the dead-letter error handler for every listener, and the outbox relay.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
		"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration" })
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformKafkaAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	@ConditionalOnBean(KafkaTemplate.class)
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template,
			ObjectProvider<MeterRegistry> meters) {
		// transient failures: 3 attempts 1 s apart; malformed events: straight to <topic>.dlt, logged and counted
		DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetterRecoverer(template, meters.getIfUnique()),
				new FixedBackOff(1000L, 2L));
		handler.addNotRetryableExceptions(InvalidEventException.class);
		return handler;
	}

	@Bean
	@ConditionalOnBean(KafkaAdmin.class)
	KafkaAdmin.NewTopics platformTopics(@Value("${platform.kafka.partitions:3}") int partitions,
			@Value("${platform.kafka.replication-factor:1}") short replicas) {
		String[] topics = { Topics.CATALOG, Topics.APPLICATION, Topics.LICENSE, Topics.IDENTITY, Topics.EXCHANGE };
		NewTopic[] all = new NewTopic[topics.length * 2];
		for (int i = 0; i < topics.length; i++) {
			all[2 * i] = TopicBuilder.name(topics[i]).partitions(partitions).replicas(replicas).build();
			all[2 * i + 1] = TopicBuilder.name(Topics.deadLetter(topics[i])).partitions(1).replicas(replicas).build();
		}
		return new KafkaAdmin.NewTopics(all);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MongoTemplate.class)
	@ConditionalOnBean({ MongoTemplate.class, KafkaTemplate.class })
	static class Outbox {

		@Bean
		@ConditionalOnMissingBean
		OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
				@Value("${spring.application.name:unknown}") String producer) {
			return new OutboxRelay(mongo, kafka, properties, producer);
		}

		@Bean
		OutboxSaveListener outboxSaveListener(OutboxRelay relay) {
			return new OutboxSaveListener(relay);
		}

	}

}
