package org.yiwang.shared.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.EventHeaders;
import org.yiwang.shared.mongo.PendingMarker;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes the events waiting in aggregate documents' {@code outbox} arrays, in order, and removes them only after
 * Kafka acknowledged them (acks=all, idempotent producer). A crash between the acknowledgement and the removal
 * re-publishes those events on the next run: delivery is at-least-once and consumers de-duplicate by
 * {@code eventId}. Nothing is lost, because an event leaves the document only after it is on the broker.
 * <p>
 * How pending events are found, without reading every document of a collection on every run:
 * <ul>
 * <li><b>Saved here:</b> every save through Spring Data that leaves a non-empty outbox hands the document's id to
 * {@link #documentSaved} ({@link OutboxSaveListener}); the relay thread wakes at once, loads those documents by
 * {@code _id} (a key lookup on any store) and publishes their events in one batch, waiting for the broker's
 * acknowledgements together. This is the path every event takes in normal operation.</li>
 * <li><b>Left behind:</b> a process that died after its save and before its relay ran is covered by the
 * <em>sweep</em>, at startup and every {@code platform.outbox.sweep-interval} (default 1 min). The same save wrote
 * the marker {@value #MARKER} ({@link PendingMarker}: a sparse unique index holds just the documents with pending
 * events), so the sweep is a key-shaped query whose cost follows what is pending, not the collection's size. The
 * removal of the last published events clears the marker in the same write, guarded by the marker's value: a save
 * in between wrote a new value, and then only the published events are removed.</li>
 * </ul>
 * Every write of an outbox goes through Spring Data's save or insert, where {@link OutboxSaveListener} keeps the
 * marker; documents from before the marker are marked once by a scan when the index is first declared.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** The field marking a document with events in its outbox. */
	public static final String MARKER = "outboxDue";

	static final PendingMarker PENDING = new PendingMarker(MARKER);

	private final MongoTemplate mongo;

	private final KafkaTemplate<String, String> kafka;

	private final OutboxProperties properties;

	private final String producer;

	private final Set<String> collections;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition signal = lock.newCondition();

	/** Documents saved with pending events, per collection, in the order they were saved (guarded by lock). */
	private final Map<String, Set<Object>> saved = new LinkedHashMap<>();

	private volatile Thread worker;

	private volatile boolean running;

	public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
			String producer) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.properties = properties;
		this.producer = producer;
		this.collections = Set.copyOf(properties.collections());
	}

	/**
	 * A document of {@code collection} was written with events in its outbox: publish them soon. Cheap and
	 * non-blocking; ignored for collections the relay does not serve.
	 */
	public void documentSaved(String collection, Object id) {
		if (id == null || !collections.contains(collection)) {
			return;
		}
		lock.lock();
		try {
			saved.computeIfAbsent(collection, c -> new LinkedHashSet<>()).add(id);
			signal.signal();
		}
		finally {
			lock.unlock();
		}
	}

	/** The sweep: publishes everything pending in all configured collections; returns the number of events. */
	public int relayPending() {
		int published = 0;
		for (String collection : properties.collections()) {
			published += relayCollection(collection);
		}
		return published;
	}

	int relayCollection(String collection) {
		declare(collection);
		return relayDocuments(collection, PENDING.ids(mongo, collection));
	}

	/**
	 * The marker value of a document with this outbox: changes whenever an event is added, so a relay that read an
	 * older state can tell (id, number of events, last event id); {@code null} for an empty outbox.
	 */
	public static String marker(Object id, List<?> outbox) {
		if (outbox == null || outbox.isEmpty()) {
			return null;
		}
		Object last = outbox.get(outbox.size() - 1);
		Object lastId = last instanceof Map<?, ?> map ? map.get("eventId")
				: last instanceof OutboxMessage message ? message.getEventId() : null;
		return id + "|" + outbox.size() + "|" + lastId;
	}

	/** Declares the marker index (once per collection), marking documents saved before it existed. */
	private void declare(String collection) {
		Query legacy = new Query(Criteria.where("outbox.0").exists(true));
		legacy.fields().include("outbox.eventId");
		PENDING.declare(mongo, collection, legacy,
				document -> marker(document.get("_id"), document.getList("outbox", Object.class)));
	}

	/** Publishes the pending events of the given documents (looked up by id); returns the number of events. */
	public int relayDocuments(String collection, List<Object> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		int published = 0;
		for (int from = 0; from < ids.size(); from += properties.batchSize()) {
			List<Object> batch = ids.subList(from, Math.min(ids.size(), from + properties.batchSize()));
			Query byId = new Query(Criteria.where("_id").in(batch));
			byId.fields().include("outbox").include(MARKER);
			published += publishAndMark(collection, mongo.find(byId, Document.class, collection));
		}
		return published;
	}

	/**
	 * Sends every event of every document without waiting in between (per aggregate in order: same key, same
	 * partition, idempotent producer), waits for all acknowledgements, then removes each document's published events
	 * with one {@code $pull}. A failed send leaves that document's events (and those after it) in place.
	 */
	private int publishAndMark(String collection, List<Document> documents) {
		Map<Object, List<String>> sentPerDocument = new LinkedHashMap<>();
		List<CompletableFuture<SendResult<String, String>>> acks = new ArrayList<>();
		List<Object> ackOwners = new ArrayList<>();
		List<String> ackEvents = new ArrayList<>();
		for (Document document : documents) {
			Object id = document.get("_id");
			for (Document message : document.getList("outbox", Document.class, List.of())) {
				acks.add(send(message));
				ackOwners.add(id);
				ackEvents.add(message.getString("eventId"));
			}
		}
		kafka.flush();
		long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
		RuntimeException failure = null;
		Set<Object> failedDocuments = new LinkedHashSet<>();
		for (int i = 0; i < acks.size(); i++) {
			Object owner = ackOwners.get(i);
			if (failedDocuments.contains(owner)) {
				continue;
			}
			try {
				acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				sentPerDocument.computeIfAbsent(owner, o -> new ArrayList<>()).add(ackEvents.get(i));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				failure = new IllegalStateException("interrupted while publishing " + ackEvents.get(i), ex);
				failedDocuments.add(owner);
			}
			catch (ExecutionException | TimeoutException | RuntimeException ex) {
				failure = new IllegalStateException("could not publish event " + ackEvents.get(i) + " of " + collection
						+ "/" + owner + ", it stays in the outbox", ex);
				failedDocuments.add(owner);
			}
		}
		int published = 0;
		for (Document document : documents) {
			Object id = document.get("_id");
			List<String> sent = sentPerDocument.get(id);
			if (sent != null) {
				boolean all = !failedDocuments.contains(id)
						&& sent.size() == document.getList("outbox", Document.class, List.of()).size();
				markSent(collection, id, sent, all ? document.getString(MARKER) : null);
				published += sent.size();
			}
			else if (!failedDocuments.contains(id) && document.getString(MARKER) != null
					&& document.getList("outbox", Document.class, List.of()).isEmpty()) {
				// a marker left without events (its events were published by another path): clear it if unchanged
				mongo.updateFirst(PENDING.carrying(document.getString(MARKER)), PENDING.clear(new Update()),
						collection);
			}
		}
		if (failure != null) {
			throw failure;
		}
		return published;
	}

	/**
	 * Removes published events from their document (single-document atomic {@code $pull}). When they were all the
	 * document's events and the document still carries the marker read with them ({@code marker} not null), the same
	 * write clears the marker; otherwise (saved again in between, or more events) only the events go.
	 */
	protected void markSent(String collection, Object documentId, List<String> eventIds, String marker) {
		Document published = new Document("eventId", new Document("$in", eventIds));
		if (marker != null && mongo
			.updateFirst(PENDING.carrying(marker), PENDING.clear(new Update().pull("outbox", published)), collection)
			.getMatchedCount() == 1) {
			return;
		}
		mongo.updateFirst(new Query(Criteria.where("_id").is(documentId)), new Update().pull("outbox", published),
				collection);
	}

	/** Starts sending one event; the acknowledgement is awaited by the caller. */
	protected CompletableFuture<SendResult<String, String>> send(Document message) {
		EventEnvelope envelope = toEnvelope(message);
		ProducerRecord<String, String> record = new ProducerRecord<>(message.getString("topic"),
				envelope.aggregateId(), EventCodec.write(envelope));
		record.headers().add(EventHeaders.EVENT_ID, bytes(envelope.eventId()));
		record.headers().add(EventHeaders.EVENT_TYPE, bytes(envelope.type()));
		if (envelope.correlationId() != null) {
			record.headers().add(EventHeaders.CORRELATION_ID, bytes(envelope.correlationId()));
		}
		try {
			return kafka.send(record);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
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

	private void loop() {
		long sweepNanos = properties.sweepInterval().toNanos();
		long nextSweep = System.nanoTime();
		long retryNanos = Duration.ofSeconds(1).toNanos();
		while (running) {
			try {
				if (System.nanoTime() - nextSweep >= 0) {
					nextSweep = System.nanoTime() + sweepNanos;
					int swept = relayPending();
					if (swept > 0) {
						log.info("outbox sweep published {} event(s) left behind", swept);
					}
				}
				Map<String, Set<Object>> due = awaitSaved(nextSweep);
				for (Map.Entry<String, Set<Object>> entry : due.entrySet()) {
					try {
						relayDocuments(entry.getKey(), new ArrayList<>(entry.getValue()));
					}
					catch (RuntimeException ex) {
						// stays in the documents; the next sweep (soon) publishes it
						log.warn("outbox relay failed, the sweep retries: {}", ex.getMessage());
						nextSweep = Math.min(nextSweep, System.nanoTime() + retryNanos);
					}
				}
			}
			catch (RuntimeException ex) {
				log.warn("outbox sweep failed, retrying in 1 s: {}", ex.getMessage());
				nextSweep = System.nanoTime() + retryNanos;
				sleepQuietly(retryNanos);
			}
		}
	}

	private Map<String, Set<Object>> awaitSaved(long until) {
		lock.lock();
		try {
			while (running && saved.isEmpty()) {
				long left = until - System.nanoTime();
				if (left <= 0) {
					return Map.of();
				}
				signal.awaitNanos(left);
			}
			Map<String, Set<Object>> due = new LinkedHashMap<>(saved);
			saved.clear();
			return due;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
			return Map.of();
		}
		finally {
			lock.unlock();
		}
	}

	private static void sleepQuietly(long nanos) {
		try {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		if (!properties.enabled() || worker != null) {
			return;
		}
		running = true;
		Thread thread = new Thread(this::loop, "outbox-relay");
		thread.setDaemon(true);
		worker = thread;
		thread.start();
		log.info("outbox relay started for collections {}: on save, and a sweep every {}", properties.collections(),
				properties.sweepInterval());
	}

	@Override
	public void stop() {
		Thread thread = worker;
		worker = null;
		if (thread == null) {
			return;
		}
		lock.lock();
		try {
			running = false;
			signal.signalAll();
		}
		finally {
			lock.unlock();
		}
		try {
			thread.join(Duration.ofSeconds(5).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return worker != null;
	}

}
