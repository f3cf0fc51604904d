package org.yiwang.shared.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.yiwang.shared.config.PlatformKafkaAutoConfiguration;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.InvalidEventException;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestInfrastructure;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dead-lettering as the services get it (Boot's Kafka auto-configuration plus the platform's error handler) on a
 * real KRaft broker: a forged record reaches {@code <topic>.dlt} once per consumer group, and each time one ERROR
 * line {@code DEAD-LETTER} and one count in {@value DeadLetterRecoverer#METRIC} say so, without the record's data.
 */
class DeadLetterRecovererTest {

	private static final List<String> GROUPS = List.of("dlt-test-application", "dlt-test-license",
			"dlt-test-notification");

	private static final String ID_NUMBER = "11010519491231002X";

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(DeadLetterRecoverer.class);

	private String topic;

	@BeforeEach
	void captureLog() {
		topic = "dlt-test-" + UUID.randomUUID() + ".events";
		logged.start();
		logger.addAppender(logged);
	}

	@AfterEach
	void releaseLog() {
		logger.detachAppender(logged);
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, PlatformKafkaAutoConfiguration.class))
			.withUserConfiguration(Listeners.class)
			.withPropertyValues("spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
					"spring.kafka.consumer.auto-offset-reset=earliest", "test.topic=" + topic,
					"spring.kafka.consumer.properties.default.api.timeout.ms=5000",
					"spring.kafka.producer.properties.max.block.ms=5000");
	}

	@Test
	void aForgedRecordWithoutEventIdIsDeadLetteredLoggedAndCountedOncePerGroup() {
		String key = "forged-" + UUID.randomUUID();
		String forged = "{\"type\":\"application.CaseApproved\",\"version\":1,\"occurredAt\":\"2026-01-01T00:00:00Z\","
				+ "\"aggregateId\":\"" + key + "\",\"producer\":\"someone\",\"payload\":{\"applicantSubject\":\""
				+ ID_NUMBER + "\"}}";
		runner().run(context -> {
			EventProbe.send(topic, key, forged);
			try (EventProbe dlt = EventProbe.on(Topics.deadLetter(topic))) {
				for (String group : GROUPS) {
					ConsumerRecord<String, String> record = dlt.awaitRecord(
							r -> key.equals(r.key()) && group.equals(header(r, "kafka_dlt-original-consumer-group")));
					assertThat(header(record, "kafka_dlt-exception-message")).contains("'eventId' must be present");
					assertThat(record.value()).isEqualTo(forged);
				}
			}
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				for (String group : GROUPS) {
					assertThat(meters.find(DeadLetterRecoverer.METRIC)
						.tags("topic", topic, "group", group, "reason", "InvalidEventException")
						.counters()).singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(1.0));
				}
			});
			List<String> lines = deadLetterLines();
			assertThat(lines).hasSize(3);
			for (String group : GROUPS) {
				assertThat(lines).filteredOn(line -> line.contains("group=" + group + " "))
					.singleElement()
					.satisfies(line -> assertThat(line).matches("DEAD-LETTER topic=" + topic + " partition=\\d+ offset=0 .*")
						.contains("eventId=? type=application.CaseApproved -> " + topic + ".dlt")
						.contains("invalid event: field 'eventId' must be present (InvalidEventException)"));
			}
			assertThat(lines).noneMatch(line -> line.contains(ID_NUMBER) || line.contains(key));
			assertThat(logged.list).filteredOn(e -> e.getFormattedMessage().startsWith("DEAD-LETTER"))
				.allMatch(e -> e.getLevel() == Level.ERROR);
		});
	}

	@Test
	void aRecordThatKeepsFailingIsDeadLetteredAfterItsRetriesWithItsIdsAndAMaskedReason() {
		EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "test.Explodes", 1,
				java.time.Instant.now(), "agg-1", "corr-1", null, "test", java.util.Map.of());
		runner().run(context -> {
			EventProbe.send(topic, envelope);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			// three attempts 1 s apart, then the dead-letter topic
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(meters.find(DeadLetterRecoverer.METRIC)
					.tags("topic", topic, "reason", "IllegalStateException")
					.counters()).hasSize(3).allMatch(c -> c.count() == 1.0));
			assertThat(deadLetterLines()).hasSize(3)
				.allSatisfy(line -> assertThat(line)
					.contains("eventId=" + envelope.eventId() + " type=test.Explodes")
					.contains("downstream refused \"…\" for … (IllegalStateException)")
					.doesNotContain(ID_NUMBER));
		});
	}

	@Test
	void reasonsKeepFieldNamesAndMaskCopiedValues() {
		assertThat(DeadLetterRecoverer.reason(new InvalidEventException("payload.enterpriseUscc", "must be valid")))
			.isEqualTo("invalid event: field 'payload.enterpriseUscc' must be valid");
		assertThat(DeadLetterRecoverer.reason(new InvalidEventException(
				"not a valid event envelope: Unrecognized token '" + ID_NUMBER + "': was expecting JSON", (Throwable) null)))
			.doesNotContain(ID_NUMBER)
			.startsWith("not a valid event envelope: Unrecognized token");
		assertThat(DeadLetterRecoverer.reason(new InvalidEventException(
				"payload of x is not a valid Y: Cannot deserialize value of type `int` from String \"zhang san\""
						+ " (through reference chain: Y[\"licenseValidityYears\"])",
				(Throwable) null)))
			.doesNotContain("zhang san")
			.contains("[\"licenseValidityYears\"]");
	}

	private List<String> deadLetterLines() {
		return logged.list.stream()
			.map(ILoggingEvent::getFormattedMessage)
			.filter(m -> m.startsWith("DEAD-LETTER") && m.contains(topic))
			.toList();
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	@Configuration(proxyBeanMethods = false)
	static class Listeners {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@KafkaListener(topics = "${test.topic}", groupId = "dlt-test-application")
		void application(String value) {
			handle(value);
		}

		@KafkaListener(topics = "${test.topic}", groupId = "dlt-test-license")
		void license(String value) {
			handle(value);
		}

		@KafkaListener(topics = "${test.topic}", groupId = "dlt-test-notification")
		void notification(String value) {
			handle(value);
		}

		private static void handle(String value) {
			EventEnvelope envelope = EventCodec.read(value);
			if (envelope.is("test.Explodes")) {
				throw new IllegalStateException("downstream refused \"" + ID_NUMBER + "\" for 13800138000");
			}
		}

	}

}
