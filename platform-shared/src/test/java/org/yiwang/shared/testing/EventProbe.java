package org.yiwang.shared.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.EventHeaders;

/**
 * Reads what services really published on the test broker, from the beginning of a topic, with its own consumer
 * group; and sends raw records, to play another service (or a broken producer).
 */
public final class EventProbe implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

	private EventProbe(String topic) {
		consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer());
		consumer.subscribe(List.of(topic));
	}

	public static EventProbe on(String topic) {
		return new EventProbe(topic);
	}

	/** Waits up to 20 s for an event of the type matching the predicate; fails otherwise. */
	public EventEnvelope await(String type, Predicate<EventEnvelope> matching) {
		long deadline = System.currentTimeMillis() + 20_000;
		while (System.currentTimeMillis() < deadline) {
			for (ConsumerRecord<String, String> record : seen) {
				EventEnvelope envelope = EventCodec.read(record.value());
				if (envelope.is(type) && matching.test(envelope)) {
					return envelope;
				}
			}
			consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
		}
		throw new AssertionError("no " + type + " event matching within 20 s; saw " + seen.size() + " records");
	}

	/** Waits for any raw record matching; for dead-letter topics whose values are not envelopes. */
	public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> matching) {
		long deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline) {
			for (ConsumerRecord<String, String> record : seen) {
				if (matching.test(record)) {
					return record;
				}
			}
			consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
		}
		throw new AssertionError("no matching record within 30 s; saw " + seen.size() + " records");
	}

	/** All raw records seen after polling for the given time; for asserting that something did not arrive. */
	public List<ConsumerRecord<String, String>> records(Duration pollFor) {
		long deadline = System.currentTimeMillis() + pollFor.toMillis();
		while (System.currentTimeMillis() < deadline) {
			consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
		}
		return List.copyOf(seen);
	}

	/** All events of a type seen after polling for the given time. */
	public List<EventEnvelope> all(String type, Duration pollFor) {
		long deadline = System.currentTimeMillis() + pollFor.toMillis();
		while (System.currentTimeMillis() < deadline) {
			consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
		}
		return seen.stream().map(r -> EventCodec.read(r.value())).filter(e -> e.is(type)).toList();
	}

	public static void send(String topic, String key, String value) {
		send(topic, key, value, Map.of());
	}

	/** Sends a raw record with the given headers; returns where it was written. */
	public static RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
			headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
			return producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static void send(String topic, EventEnvelope envelope) {
		send(topic, envelope.aggregateId(), EventCodec.write(envelope));
	}

	/** Sends an event as the outbox relay does: with the {@code eventId} and {@code eventType} headers. */
	public static RecordMetadata sendWithHeaders(String topic, EventEnvelope envelope) {
		return send(topic, envelope.aggregateId(), EventCodec.write(envelope),
				Map.of(EventHeaders.EVENT_ID, envelope.eventId(), EventHeaders.EVENT_TYPE, envelope.type()));
	}

	/** The offset a consumer group committed on a partition (the next one it will read); -1 when none. */
	public static long committedOffset(String group, TopicPartition partition) {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
			OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get()
				.get(partition);
			return committed == null ? -1 : committed.offset();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		consumer.close();
	}

}
