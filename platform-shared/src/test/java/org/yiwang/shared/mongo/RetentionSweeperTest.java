package org.yiwang.shared.mongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.config.PlatformRetentionAutoConfiguration;
import org.yiwang.shared.testing.TestInfrastructure;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The retention sweeper on the wire server (the embedded stand-in, which ignores TTL indexes), with a fixed clock:
 * what is older than its max age goes, in batches; what is younger, outside the scope or not swept stays.
 */
class RetentionSweeperTest {

	static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	/** Small, so that a sweep needs several batches. */
	static final RetentionProperties BATCHES_OF_3 = new RetentionProperties(true, Duration.ofHours(1), Duration.ZERO, 3);

	static final Retention EVENTS = Retention.of("processed-events", "processed_events", "processedAt",
			Duration.ofDays(30));

	static final Retention DELIVERIES = Retention.of("webhook-deliveries", "webhook_deliveries", "finishedAt",
			Duration.ofDays(30))
		.onlyWhere(Criteria.where("status").in("DELIVERED", "DEAD_LETTERED"))
		.countingFrom("createdAt");

	private MongoClient client;

	private MongoTemplate mongo;

	@BeforeEach
	void setUp() {
		client = MongoClients.create(TestInfrastructure.mongoUri());
		mongo = new MongoTemplate(client, "retention-" + UUID.randomUUID());
	}

	@AfterEach
	void tearDown() {
		client.close();
	}

	@Test
	void removesWhatIsOlderThanItsMaxAgeInBatchesAndKeepsTheRest() {
		for (int i = 0; i < 7; i++) {
			processedEvent("old-" + i, NOW.minus(Duration.ofDays(31)).minusSeconds(i));
		}
		processedEvent("just-old", NOW.minus(Duration.ofDays(30)).minusMillis(1));
		processedEvent("exactly-max-age", NOW.minus(Duration.ofDays(30)));
		processedEvent("recent", NOW.minus(Duration.ofDays(1)));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		RetentionSweeper sweeper = new RetentionSweeper(mongo, List.of(EVENTS), BATCHES_OF_3, CLOCK, meters);

		assertThat(sweeper.sweep()).isEqualTo(Map.of("processed-events", 8L));

		assertThat(ids("processed_events")).containsExactlyInAnyOrder("exactly-max-age", "recent");
		assertThat(meters.get(RetentionSweeper.METRIC).tag("collection", "processed_events").counter().count())
			.isEqualTo(8.0);
		assertThat(sweeper.sweep()).as("nothing left to remove").isEqualTo(Map.of("processed-events", 0L));
	}

	@Test
	void aScopedRetentionRemovesOnlyFinishedDeliveriesAndNeverAPendingOne() {
		Instant old = NOW.minus(Duration.ofDays(45));
		delivery("delivered-old", "DELIVERED", old, old);
		delivery("dead-old", "DEAD_LETTERED", old, old);
		delivery("delivered-recent", "DELIVERED", old, NOW.minus(Duration.ofDays(2)));
		// pending however old, even with a finishedAt left behind by some other writer
		delivery("pending-old", "PENDING", old, null);
		delivery("pending-stale-finish", "PENDING", old, old);
		// finished before finishedAt existed: counted from createdAt
		delivery("legacy-dead-old", "DEAD_LETTERED", old, null);
		delivery("legacy-delivered-recent", "DELIVERED", NOW.minus(Duration.ofDays(3)), null);
		for (int i = 0; i < 5; i++) {
			delivery("delivered-old-" + i, "DELIVERED", old, old);
		}

		long removed = new RetentionSweeper(mongo, List.of(DELIVERIES), BATCHES_OF_3, CLOCK, null).sweep()
			.get("webhook-deliveries");

		assertThat(removed).isEqualTo(8);
		assertThat(ids("webhook_deliveries")).containsExactlyInAnyOrder("delivered-recent", "pending-old",
				"pending-stale-finish", "legacy-delivered-recent");
	}

	@Test
	void aDocumentThatLeftTheScopeAfterItWasFoundStays() {
		// what a replay does between the lookup and the delete: the guarded delete repeats the filter
		Instant old = NOW.minus(Duration.ofDays(45));
		delivery("replayed", "DELIVERED", old, old);
		Document expired = DELIVERIES.expiredAt(NOW);
		assertThat(mongo.getCollection("webhook_deliveries").find(expired).first()).isNotNull();
		mongo.getCollection("webhook_deliveries")
			.updateOne(new Document("_id", "replayed"),
					new Document("$set", new Document("status", "PENDING")).append("$unset",
							new Document("finishedAt", "")));

		assertThat(new RetentionSweeper(mongo, List.of(DELIVERIES), BATCHES_OF_3, CLOCK, null)
			.removeExpired(DELIVERIES, NOW)).isZero();
		assertThat(ids("webhook_deliveries")).containsExactly("replayed");
	}

	@Test
	void switchedOffNothingIsRemovedNothingScheduledAndNoTtlIndexKept() {
		processedEvent("old", NOW.minus(Duration.ofDays(400)));
		new RetentionSweeper(mongo, List.of(EVENTS), BATCHES_OF_3, CLOCK, null).afterSingletonsInstantiated();
		assertThat(ttlIndex("processed_events", "processedAt_retention_ttl")).isPresent();

		RetentionProperties off = new RetentionProperties(false, Duration.ofHours(1), Duration.ZERO, 3);
		RetentionSweeper sweeper = new RetentionSweeper(mongo, List.of(EVENTS), off, CLOCK, null);
		sweeper.afterSingletonsInstantiated();
		sweeper.start();
		try {
			assertThat(sweeper.isRunning()).isFalse();
			assertThat(sweeper.sweep()).isEmpty();
		}
		finally {
			sweeper.stop();
		}

		assertThat(ids("processed_events")).containsExactly("old");
		assertThat(ttlIndex("processed_events", "processedAt_retention_ttl")).as("dropped when off").isEmpty();
	}

	@Test
	void oneRetentionSwitchedOffIsLeftAloneWhileTheOthersAreSwept() {
		processedEvent("old", NOW.minus(Duration.ofDays(400)));
		delivery("delivered-old", "DELIVERED", NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(400)));
		Retention eventsOff = EVENTS.configured(null, false);

		Map<String, Long> removed = new RetentionSweeper(mongo, List.of(eventsOff, DELIVERIES), BATCHES_OF_3, CLOCK,
				null)
			.sweep();

		assertThat(removed).isEqualTo(Map.of("webhook-deliveries", 1L));
		assertThat(ids("processed_events")).containsExactly("old");
		assertThat(ids("webhook_deliveries")).isEmpty();
	}

	@Test
	void theTtlIndexForARealMongoDbFollowsTheMaxAge() {
		new RetentionSweeper(mongo, List.of(EVENTS), BATCHES_OF_3, CLOCK, null).afterSingletonsInstantiated();
		assertThat(ttlIndex("processed_events", "processedAt_retention_ttl")).hasValue(Duration.ofDays(30));

		Retention longer = EVENTS.configured(Duration.ofDays(60), null);
		new RetentionSweeper(mongo, List.of(longer), BATCHES_OF_3, CLOCK, null).afterSingletonsInstantiated();
		assertThat(ttlIndex("processed_events", "processedAt_retention_ttl")).hasValue(Duration.ofDays(60));

		new RetentionSweeper(mongo, List.of(longer.withoutTtlIndex()), BATCHES_OF_3, CLOCK, null)
			.afterSingletonsInstantiated();
		assertThat(ttlIndex("processed_events", "processedAt_retention_ttl")).isEmpty();
	}

	@Test
	void propertiesOverrideEachRetentionsDefaultAndTheSweeperRunsOnTheServicesClock() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PlatformRetentionAutoConfiguration.class))
			.withBean(MongoTemplate.class, () -> mongo)
			.withBean("deliveriesRetention", Retention.class, () -> DELIVERIES)
			.withBean(Clock.class, () -> CLOCK);

		runner.run(context -> {
			RetentionSweeper sweeper = context.getBean(RetentionSweeper.class);
			assertThat(sweeper.retentions()).extracting(Retention::name, Retention::maxAge, Retention::enabled)
				.containsExactlyInAnyOrder(tuple("processed-events", Duration.ofDays(30), true),
						tuple("webhook-deliveries", Duration.ofDays(30), true));
			assertThat(context.getBean(RetentionProperties.class)).isEqualTo(RetentionProperties.defaults());
		});

		processedEvent("two-days-old", NOW.minus(Duration.ofDays(2)));
		runner
			.withPropertyValues("platform.retention.processed-events.max-age=1d",
					"platform.retention.webhook-deliveries.enabled=false", "platform.retention.interval=10m",
					"platform.retention.initial-delay=1h")
			.run(context -> {
				RetentionSweeper sweeper = context.getBean(RetentionSweeper.class);
				assertThat(sweeper.retentions()).extracting(Retention::name, Retention::maxAge, Retention::enabled)
					.containsExactlyInAnyOrder(
							tuple("processed-events", Duration.ofDays(1), true),
							tuple("webhook-deliveries", Duration.ofDays(30), false));
				assertThat(context.getBean(RetentionProperties.class).interval()).isEqualTo(Duration.ofMinutes(10));
				assertThat(sweeper.isRunning()).as("scheduled, first run in an hour").isTrue();
				// the fixed clock of the context: two days old is older than the configured day
				assertThat(sweeper.sweep()).isEqualTo(Map.of("processed-events", 1L));
			});
		assertThat(ids("processed_events")).isEmpty();
	}

	@Test
	void aBadConfigurationStopsTheStart() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(PlatformRetentionAutoConfiguration.class))
			.withBean(MongoTemplate.class, () -> mongo)
			.withPropertyValues("platform.retention.processed-events.max-age=0s")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("platform.retention.processed-events.max-age must be positive"));
	}

	@Test
	void durationsAreLoggedAsThePropertiesWriteThem() {
		assertThat(RetentionSweeper.human(Duration.ofDays(400))).isEqualTo("400d");
		assertThat(RetentionSweeper.human(Duration.ofHours(1))).isEqualTo("1h");
		assertThat(RetentionSweeper.human(Duration.ofMinutes(2))).isEqualTo("2m");
		assertThat(RetentionSweeper.human(Duration.ofSeconds(90))).isEqualTo("90s");
		assertThat(RetentionSweeper.human(Duration.ofMillis(1500))).isEqualTo("1500ms");
	}

	private void processedEvent(String id, Instant processedAt) {
		mongo.getCollection("processed_events")
			.insertOne(new Document("_id", id).append("consumer", "test")
				.append("eventId", id)
				.append("type", "test.Happened")
				.append("processedAt", Date.from(processedAt)));
	}

	private void delivery(String id, String status, Instant createdAt, Instant finishedAt) {
		Document delivery = new Document("_id", id).append("status", status).append("createdAt", Date.from(createdAt));
		if (finishedAt != null) {
			delivery.append("finishedAt", Date.from(finishedAt));
		}
		mongo.getCollection("webhook_deliveries").insertOne(delivery);
	}

	private Set<Object> ids(String collection) {
		return mongo.getCollection(collection)
			.find()
			.into(new ArrayList<>())
			.stream()
			.map(document -> document.get("_id"))
			.collect(Collectors.toSet());
	}

	private Optional<Duration> ttlIndex(String collection, String name) {
		return mongo.indexOps(collection)
			.getIndexInfo()
			.stream()
			.filter(index -> name.equals(index.getName()))
			.findFirst()
			.flatMap(IndexInfo::getExpireAfter);
	}

}
