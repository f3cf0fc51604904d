package org.yiwang.shared.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.messaging.IdempotentConsumer;
import org.yiwang.shared.messaging.ProcessedEvents;
import org.yiwang.shared.testing.TestInfrastructure;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox against a real KRaft broker and the Mongo wire server: a relay that dies half-way loses nothing,
 * and the duplicates its restart produces are absorbed by an idempotent consumer.
 */
class OutboxRelayTest {

	private static final String COLLECTION = "orders";

	private MongoClient client;

	private MongoTemplate mongo;

	private DefaultKafkaProducerFactory<String, String> producerFactory;

	private String topic;

	@BeforeEach
	void setUp() {
		client = MongoClients.create(TestInfrastructure.mongoUri());
		mongo = new MongoTemplate(client, "outbox-test-" + UUID.randomUUID());
		producerFactory = producerFactory(TestInfrastructure.kafkaBootstrapServers(), Map.of());
		topic = "outbox-test-" + UUID.randomUUID();
	}

	@AfterEach
	void tearDown() {
		producerFactory.destroy();
		client.close();
	}

	@Test
	void relayKilledBetweenPublishAndMarkLosesNothingAndDuplicatesAreAbsorbed() {
		TestAggregate aggregate = new TestAggregate("order-1");
		for (int i = 1; i <= 3; i++) {
			aggregate.outbox.add(OutboxMessage.of(topic, "test.Happened", 1, "order-1", Map.of("step", i)));
		}
		mongo.save(aggregate, COLLECTION);

		// the process dies right after Kafka acknowledged the first event, before it was removed from the outbox
		OutboxRelay dying = new OutboxRelay(mongo, new KafkaTemplate<>(producerFactory), properties(), "test") {
			@Override
			protected void markSent(String collection, Object documentId, List<String> eventIds, String marker) {
				throw new IllegalStateException("simulated crash after publish");
			}
		};
		assertThatThrownBy(dying::relayPending).hasMessageContaining("simulated crash");
		assertThat(pendingEvents()).hasSize(3);

		// a restarted relay resumes and empties the outbox
		OutboxRelay restarted = new OutboxRelay(mongo, new KafkaTemplate<>(producerFactory), properties(), "test");
		assertThat(restarted.relayPending()).isEqualTo(3);
		assertThat(pendingEvents()).isEmpty();

		// the dying relay had sent all three (one batch) before it could remove them: each arrives twice, in order
		List<EventEnvelope> received = consume(6);
		List<String> ids = aggregate.outbox.stream().map(OutboxMessage::getEventId).toList();
		assertThat(received).extracting(EventEnvelope::eventId)
			.containsExactly(ids.get(0), ids.get(1), ids.get(2), ids.get(0), ids.get(1), ids.get(2));
		assertThat(received).allSatisfy(e -> {
			assertThat(e.producer()).isEqualTo("test");
			assertThat(e.aggregateId()).isEqualTo("order-1");
			assertThat(e.correlationId()).isNotBlank();
		});

		IdempotentConsumer consumer = new IdempotentConsumer(new ProcessedEvents(mongo));
		List<Object> effects = new ArrayList<>();
		received.forEach(e -> consumer.handle("test-consumer", e, env -> effects.add(env.payload().get("step"))));
		assertThat(effects).containsExactly(1, 2, 3);
	}

	@Test
	void brokerUnreachableKeepsEveryEventInTheOutbox() {
		TestAggregate aggregate = new TestAggregate("order-2");
		aggregate.outbox.add(OutboxMessage.of(topic, "test.Happened", 1, "order-2", Map.of("step", 1)));
		mongo.save(aggregate, COLLECTION);

		DefaultKafkaProducerFactory<String, String> unreachable = producerFactory("127.0.0.1:1",
				Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1000,
						ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500));
		try {
			OutboxRelay relay = new OutboxRelay(mongo, new KafkaTemplate<>(unreachable),
					new OutboxProperties(true, List.of(COLLECTION), Duration.ofMinutes(1), 10, Duration.ofSeconds(2)),
					"test");
			assertThatThrownBy(relay::relayPending).hasMessageContaining("stays in the outbox");
		}
		finally {
			unreachable.destroy();
		}
		assertThat(pendingEvents()).hasSize(1);

		new OutboxRelay(mongo, new KafkaTemplate<>(producerFactory), properties(), "test").relayPending();
		assertThat(pendingEvents()).isEmpty();
		assertThat(consume(1)).extracting(EventEnvelope::aggregateId).containsExactly("order-2");
	}

	@Test
	void aSaveThroughSpringDataIsPublishedAtOnceWithoutWaitingForTheSweep() throws Exception {
		OutboxRelay relay = new OutboxRelay(mongo, new KafkaTemplate<>(producerFactory), properties(), "test");
		org.springframework.context.support.StaticApplicationContext context = new org.springframework.context.support.StaticApplicationContext();
		context.addApplicationListener(new OutboxSaveListener(relay));
		context.refresh();
		mongo.setApplicationContext(context);
		relay.start();
		try {
			// the relay's first sweep runs at start; the next one is an hour away (properties())
			TestAggregate aggregate = new TestAggregate("order-3");
			aggregate.outbox.add(OutboxMessage.of(topic, "test.Happened", 1, "order-3", Map.of("step", 1)));
			aggregate.outbox.add(OutboxMessage.of(topic, "test.Happened", 1, "order-3", Map.of("step", 2)));
			Thread.sleep(200);
			mongo.save(aggregate, COLLECTION);
			assertThat(consume(2)).extracting(e -> e.payload().get("step")).containsExactly(1, 2);
			long deadline = System.currentTimeMillis() + 5_000;
			while (!pendingEvents().isEmpty() && System.currentTimeMillis() < deadline) {
				Thread.sleep(20);
			}
			assertThat(pendingEvents()).isEmpty();
		}
		finally {
			relay.stop();
			context.close();
		}
	}

	@Test
	void theSweepFindsEventsLeftBehindInManyDocumentsAcrossBatches() {
		for (int i = 0; i < 25; i++) {
			TestAggregate aggregate = new TestAggregate("bulk-" + i);
			aggregate.outbox.add(OutboxMessage.of(topic, "test.Happened", 1, "bulk-" + i, Map.of("n", i)));
			mongo.save(aggregate, COLLECTION);
		}
		OutboxRelay relay = new OutboxRelay(mongo, new KafkaTemplate<>(producerFactory), properties(), "test");
		assertThat(relay.relayPending()).isEqualTo(25);
		assertThat(mongo.count(new Query(Criteria.where("outbox.0").exists(true)), COLLECTION)).isZero();
		assertThat(consume(25)).hasSize(25);
	}

	@Test
	void theSweepFollowsTheMarkerWrittenWithEachSaveAndTheLastRemovalClearsIt() {
		org.springframework.context.support.StaticApplicationContext context = new org.springframework.context.support.StaticApplicationContext();
		OutboxRelay relay = new OutboxRelay(mongo, new KafkaTemplate<>(producerFactory), properties(), "test");
		context.addApplicationListener(new OutboxSaveListener(relay));
		context.refresh();
		mongo.setApplicationContext(context);
		try {
			assertThat(relay.relayPending()).isZero(); // declares the marker index on an empty collection

			TestAggregate first = new TestAggregate("m-1");
			first.outbox.add(OutboxMessage.of(topic, "test.Happened", 1, "m-1", Map.of("n", 1)));
			mongo.save(first, COLLECTION);
			String marker = marker("m-1");
			assertThat(marker).isEqualTo(OutboxRelay.marker("m-1", first.outbox));
			mongo.save(new TestAggregate("m-2"), COLLECTION);
			assertThat(marker("m-2")).isNull();
			assertThat(mongo.indexOps(COLLECTION).getIndexInfo())
				.anySatisfy(index -> assertThat(index.getName()).isEqualTo(OutboxRelay.MARKER + "_pending"));

			assertThat(relay.relayPending()).isEqualTo(1);
			assertThat(marker("m-1")).isNull();
			assertThat(pendingEventsOf("m-1")).isEmpty();

			// saved again with a second event while a relay held the first: only the published event goes
			first = mongo.findById("m-1", TestAggregate.class, COLLECTION);
			first.outbox.add(OutboxMessage.of(topic, "test.Happened", 1, "m-1", Map.of("n", 2)));
			mongo.save(first, COLLECTION);
			String twoEvents = marker("m-1");
			OutboxRelay interleaved = new OutboxRelay(mongo, new KafkaTemplate<>(producerFactory), properties(),
					"test") {
				@Override
				protected void markSent(String collection, Object documentId, List<String> eventIds, String seen) {
					TestAggregate saved = mongo.findById("m-1", TestAggregate.class, COLLECTION);
					saved.outbox.add(OutboxMessage.of(topic, "test.Happened", 1, "m-1", Map.of("n", 3)));
					mongo.save(saved, COLLECTION);
					super.markSent(collection, documentId, eventIds, seen);
				}
			};
			assertThat(interleaved.relayPending()).isEqualTo(1);
			assertThat(marker("m-1")).isNotNull().isNotEqualTo(twoEvents);
			assertThat(pendingEventsOf("m-1")).hasSize(1);
			assertThat(relay.relayPending()).isEqualTo(1);
			assertThat(marker("m-1")).isNull();
			assertThat(consume(4)).extracting(e -> e.payload().get("n")).containsExactly(1, 2, 3);

			// the sweep reads the marker's index only: an outbox written around Spring Data is not its business
			mongo.getCollection(COLLECTION)
				.insertOne(new Document("_id", "raw").append("outbox", List.of(new Document("eventId", "x"))));
			assertThat(relay.relayPending()).isZero();
		}
		finally {
			context.close();
		}
	}

	private String marker(String id) {
		Document document = mongo.findById(id, Document.class, COLLECTION);
		return document == null ? null : document.getString(OutboxRelay.MARKER);
	}

	private List<?> pendingEventsOf(String id) {
		return mongo.findById(id, Document.class, COLLECTION).getList("outbox", Object.class);
	}

	@SuppressWarnings("unchecked")
	private List<Object> pendingEvents() {
		Document document = mongo.findOne(new Query(Criteria.where("_id").exists(true)), Document.class, COLLECTION);
		return document == null ? List.of() : (List<Object>) document.get("outbox", List.class);
	}

	private OutboxProperties properties() {
		return new OutboxProperties(true, List.of(COLLECTION), Duration.ofHours(1), 10, Duration.ofSeconds(10));
	}

	private List<EventEnvelope> consume(int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestInfrastructure.kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "g-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<EventEnvelope> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.currentTimeMillis() + 20_000;
			while (received.size() < expected && System.currentTimeMillis() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					received.add(EventCodec.read(record.value()));
				}
			}
			// nothing more than expected arrives
			consumer.poll(Duration.ofMillis(500)).forEach(r -> received.add(EventCodec.read(r.value())));
		}
		return received;
	}

	private static DefaultKafkaProducerFactory<String, String> producerFactory(String bootstrap,
			Map<String, Object> overrides) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.putAll(overrides);
		return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer());
	}

	static class TestAggregate {

		@Id
		String id;

		List<OutboxMessage> outbox = new ArrayList<>();

		TestAggregate(String id) {
			this.id = id;
		}

	}

}
