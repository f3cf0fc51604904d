package org.yiwang.shared.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.InvalidEventException;
import org.yiwang.shared.testing.TestInfrastructure;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yiwang.shared.messaging.EventRecordsTest.event;
import static org.yiwang.shared.messaging.EventRecordsTest.record;
import static org.yiwang.shared.messaging.EventRecordsTest.typed;

/** Event-type interest and keyed effects, against the wire server the tests share. */
class IdempotentConsumerTest {

	private MongoClient client;

	private MongoTemplate mongo;

	private IdempotentConsumer consumer;

	private final List<String> applied = new ArrayList<>();

	@BeforeEach
	void connect() {
		this.client = MongoClients.create(TestInfrastructure.mongoUri());
		this.mongo = new MongoTemplate(this.client, "idempotent-test-" + UUID.randomUUID());
		this.consumer = new IdempotentConsumer(new ProcessedEvents(this.mongo));
	}

	@AfterEach
	void close() {
		this.mongo.getDb().drop();
		this.client.close();
	}

	@Test
	void recordedEffectsRunOncePerConsumer() {
		ConsumerRecord<String, String> approved = record(event("application.CaseApproved"));
		Set<String> types = Set.of("application.CaseApproved");

		assertThat(this.consumer.handle("c", approved, types, e -> this.applied.add(e.type()))).isTrue();
		assertThat(this.consumer.handle("c", approved, types, e -> this.applied.add(e.type()))).isFalse();
		assertThat(this.consumer.handle("other", approved, types, e -> this.applied.add(e.type()))).isTrue();

		assertThat(this.applied).containsExactly("application.CaseApproved", "application.CaseApproved");
		assertThat(this.mongo.getCollection(ProcessedEvents.COLLECTION).countDocuments()).isEqualTo(2);
	}

	@Test
	void eventsOfOtherTypesAreSkippedWithoutARecord() {
		Set<String> types = Set.of("application.CaseApproved");

		assertThat(this.consumer.handle("c", record(event("application.CaseSubmitted")), types,
				e -> this.applied.add(e.type())))
			.isFalse();
		assertThat(this.consumer.handle("c", typed(record("not json"), "application.CaseSubmitted"), types,
				e -> this.applied.add(e.type())))
			.isFalse();

		assertThat(this.applied).isEmpty();
		assertThat(this.mongo.collectionExists(ProcessedEvents.COLLECTION)
				&& this.mongo.getCollection(ProcessedEvents.COLLECTION).countDocuments() > 0)
			.isFalse();
	}

	@Test
	void keyedEffectsRunWithoutARecordAndOnlyForTheirTypes() {
		String accepted = event("application.CaseAccepted");
		Set<String> types = Set.of("application.CaseAccepted");

		assertThat(this.consumer.applyKeyed(record(accepted), types, e -> this.applied.add(e.eventId()))).isTrue();
		assertThat(this.consumer.applyKeyed(typed(record(accepted), "application.CaseAccepted"), types,
				e -> this.applied.add(e.eventId())))
			.isTrue();
		assertThat(this.consumer.applyKeyed(record(event("application.CaseSubmitted")), types,
				e -> this.applied.add("x")))
			.isFalse();

		assertThat(this.applied).hasSize(2).containsOnly(EventCodec.read(accepted).eventId());
		assertThat(this.mongo.collectionExists(ProcessedEvents.COLLECTION)
				&& this.mongo.getCollection(ProcessedEvents.COLLECTION).countDocuments() > 0)
			.isFalse();
	}

	@Test
	void aMalformedEventIsRefusedUnlessItsHeaderNamesATypeNotOfInterest() {
		assertThatThrownBy(() -> this.consumer.applyKeyed(record("{\"type\":\"x\"}"), Set.of("y"),
				e -> this.applied.add("x")))
			.isInstanceOf(InvalidEventException.class);
		assertThatThrownBy(() -> this.consumer.handle("c", typed(record("not json"), "y"), Set.of("y"),
				e -> this.applied.add("x")))
			.isInstanceOf(InvalidEventException.class);
		assertThat(this.consumer.applyKeyed(typed(record("not json"), "x"), Set.of("y"), e -> this.applied.add("x")))
			.isFalse();
		assertThat(this.applied).isEmpty();
	}

}
