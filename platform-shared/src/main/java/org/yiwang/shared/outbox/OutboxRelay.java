package org.yiwang.shared.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.EventHeaders;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the events waiting in aggregate documents' {@code outbox} arrays, in order, and removes each one only
 * after Kafka acknowledged it (acks=all, idempotent producer). A crash between the acknowledgement and the
 * removal re-publishes that event on the next run: delivery is at-least-once and consumers de-duplicate by
 * {@code eventId}. Nothing is lost, because an event leaves the document only after it is on the broker.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final MongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final OutboxProperties properties;

	private final String producer;

	private volatile ScheduledExecutorService executor;

	public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
			String producer) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.properties = properties;
		this.producer = producer;
	}

	/** Publishes everything pending in all configured collections; returns the number of events published. */
	public int relayPending() {
		int published = 0;
		for (String collection : properties.collections()) {
			published += relayCollection(collection);
		}
		return published;
	}

	int relayCollection(String collection) {
		Query pending = new Query(Criteria.where("outbox.0").exists(true)).limit(properties.batchSize());
		int published = 0;
		for (Document document : mongo.find(pending, Document.class, collection)) {
			Object id = document.get("_id");
			for (Document message : document.getList("outbox", Document.class, List.of())) {
				publish(message);
				markSent(collection, id, message.getString("eventId"));
				published++;
			}
		}
		return published;
	}

	/** Sends one event and waits for the broker's acknowledgement. */
	protected void publish(Document message) {
		EventEnvelope envelope = toEnvelope(message);
		ProducerRecord<String, String> record = new ProducerRecord<>(message.getString("topic"),
				envelope.aggregateId(), EventCodec.write(envelope));
		record.headers().add(EventHeaders.EVENT_ID, bytes(envelope.eventId()));
		record.headers().add(EventHeaders.EVENT_TYPE, bytes(envelope.type()));
		if (envelope.correlationId() != null) {
			record.headers().add(EventHeaders.CORRELATION_ID, bytes(envelope.correlationId()));
		}
		try {
			kafka.send(record).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while publishing " + envelope.eventId(), ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not publish event " + envelope.eventId() + " to "
					+ record.topic() + ", it stays in the outbox", ex);
		}
		log.debug("published {} {} to {}", envelope.type(), envelope.eventId(), record.topic());
	}

	/** Removes a published event from its document (single-document atomic {@code $pull}). */
	protected void markSent(String collection, Object documentId, String eventId) {
		mongo.updateFirst(new Query(Criteria.where("_id").is(documentId)),
				new Update().pull("outbox", new Document("eventId", eventId)), collection);
	}

	@SuppressWarnings("unchecked")
	private EventEnvelope toEnvelope(Document message) {
		Object occurred = message.get("occurredAt");
		Instant occurredAt = occurred instanceof Date date ? date.toInstant() : Instant.parse(String.valueOf(occurred));
		Object payload = message.get("payload");
		return new EventEnvelope(message.getString("eventId"), message.getString("type"),
				message.getInteger("version", 1), occurredAt, message.getString("aggregateId"),
				message.getString("correlationId"), message.getString("causationId"), producer,
				payload instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private void runSafely() {
		try {
			relayPending();
		}
		catch (RuntimeException ex) {
			log.warn("outbox relay run failed, retrying in {}: {}", properties.pollInterval(), ex.getMessage());
		}
	}

	@Override
	public void start() {
		if (!properties.enabled() || executor != null) {
			return;
		}
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		long interval = Math.max(10, properties.pollInterval().toMillis());
		scheduler.scheduleWithFixedDelay(this::runSafely, interval, interval, TimeUnit.MILLISECONDS);
		executor = scheduler;
		log.info("outbox relay started for collections {} every {}", properties.collections(),
				properties.pollInterval());
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = executor;
		executor = null;
		if (scheduler != null) {
			scheduler.shutdown();
			try {
				scheduler.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

}
