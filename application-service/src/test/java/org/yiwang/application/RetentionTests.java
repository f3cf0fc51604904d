package org.yiwang.application;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.mongo.Retention;
import org.yiwang.shared.mongo.RetentionProperties;
import org.yiwang.shared.mongo.RetentionSweeper;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What bounds the collections that grow with every application: the service's retentions as wired (defaults,
 * TTL indexes for a real MongoDB), applied with a fixed clock to documents shaped as the service writes them (in a
 * database of their own on the same wire server, so no other test's data is swept), and the {@code finishedAt} of
 * webhook deliveries that the retention of deliveries relies on.
 */
class RetentionTests extends ServiceTestSupport {

	static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

	@Autowired
	RetentionSweeper sweeper;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry meters;

	@Test
	void processedEventsWebhookDeliveriesAndNotificationsAreBoundedWithTheDocumentedDefaults() {
		assertThat(sweeper.retentions())
			.extracting(Retention::name, Retention::collection, Retention::timeField, Retention::maxAge,
					Retention::enabled)
			.containsExactlyInAnyOrder(
					tuple("processed-events", "processed_events", "processedAt", Duration.ofDays(30), true),
					tuple("webhook-deliveries", "webhook_deliveries", "finishedAt", Duration.ofDays(30), true),
					tuple("notifications", "notifications", "createdAt", Duration.ofDays(400), true));
		// declared at startup for a real MongoDB (the wire server keeps, and ignores, them)
		assertThat(ttl("processed_events", "processedAt_retention_ttl")).hasValue(Duration.ofDays(30));
		assertThat(ttl("webhook_deliveries", "finishedAt_retention_ttl")).hasValue(Duration.ofDays(30));
		assertThat(ttl("notifications", "createdAt_retention_ttl")).hasValue(Duration.ofDays(400));
		// what each run removed, per collection
		assertThat(meters.find("platform.retention.removed").counters())
			.extracting(counter -> counter.getId().getTag("collection"))
			.containsExactlyInAnyOrder("processed_events", "webhook_deliveries", "notifications");
	}

	@Test
	void oldDocumentsGoWhileRecentOnesAndUnfinishedDeliveriesStay() {
		try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri())) {
			MongoTemplate db = new MongoTemplate(client, "retention-" + UUID.randomUUID());
			Instant old = NOW.minus(Duration.ofDays(31));
			insert(db, "processed_events", "application-service.webhooks:e-old", "processedAt", old);
			insert(db, "processed_events", "application-service.webhooks:e-new", "processedAt",
					NOW.minus(Duration.ofDays(29)));
			insertDelivery(db, "delivered-old", "DELIVERED", old, old);
			insertDelivery(db, "dead-lettered-old", "DEAD_LETTERED", old, old);
			insertDelivery(db, "delivered-recent", "DELIVERED", old, NOW.minus(Duration.ofDays(1)));
			insertDelivery(db, "pending-old", "PENDING", NOW.minus(Duration.ofDays(300)), null);
			insertDelivery(db, "dead-lettered-before-finishedAt", "DEAD_LETTERED", old, null);
			insert(db, "notifications", "n-401-days", "createdAt", NOW.minus(Duration.ofDays(401)));
			insert(db, "notifications", "n-399-days", "createdAt", NOW.minus(Duration.ofDays(399)));

			Map<String, Long> removed = new RetentionSweeper(db, sweeper.retentions(), RetentionProperties.defaults(),
					Clock.fixed(NOW, ZoneOffset.UTC), null)
				.sweep();

			assertThat(removed).containsExactlyInAnyOrderEntriesOf(
					Map.of("processed-events", 1L, "webhook-deliveries", 3L, "notifications", 1L));
			assertThat(ids(db, "processed_events")).containsExactly("application-service.webhooks:e-new");
			assertThat(ids(db, "webhook_deliveries")).containsExactlyInAnyOrder("delivered-recent", "pending-old");
			assertThat(ids(db, "notifications")).containsExactly("n-399-days");
		}
	}

	@Test
	void switchedOffTheServiceRemovesNothing() {
		try (MongoClient client = MongoClients.create(TestInfrastructure.mongoUri())) {
			MongoTemplate db = new MongoTemplate(client, "retention-" + UUID.randomUUID());
			Instant ancient = NOW.minus(Duration.ofDays(1000));
			insert(db, "processed_events", "c:e", "processedAt", ancient);
			insertDelivery(db, "delivered", "DELIVERED", ancient, ancient);
			insert(db, "notifications", "n", "createdAt", ancient);
			RetentionProperties off = new RetentionProperties(false, Duration.ofHours(1), Duration.ZERO, 1000);

			assertThat(new RetentionSweeper(db, sweeper.retentions(), off, Clock.fixed(NOW, ZoneOffset.UTC), null)
				.sweep()).isEmpty();

			assertThat(ids(db, "processed_events")).containsExactly("c:e");
			assertThat(ids(db, "webhook_deliveries")).containsExactly("delivered");
			assertThat(ids(db, "notifications")).containsExactly("n");
		}
	}

	@Test
	void aFinishedDeliveryCarriesFinishedAtAndAReplayTakesItAwayUntilItFinishesAgain() throws Exception {
		CountDownLatch arrived = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			arrived.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		try {
			// a department no other test makes cases for: only the delivery below reaches this receiver
			var admin = TestJwts.deptAdmin("admin-rtn", "RTN");
			String hook = JsonPath.read(mvc
				.perform(post("/api/v1/webhooks").with(admin)
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}"))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
			String eventId = UUID.randomUUID().toString();
			String deliveryId = hook + ":" + eventId;
			Instant deadLetteredAt = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
			mongo.getCollection("webhook_deliveries")
				.insertOne(new Document("_id", deliveryId).append("subscriptionId", hook)
					.append("departmentCode", "RTN")
					.append("eventId", eventId)
					.append("eventType", "application.CaseSubmitted")
					.append("body", "{}")
					.append("status", "DEAD_LETTERED")
					.append("attempts", 4)
					.append("nextAttemptAt", Date.from(deadLetteredAt))
					.append("claimedUntil", new Date(0))
					.append("lastStatusCode", 503)
					.append("finishedAt", Date.from(deadLetteredAt))
					.append("createdAt", Date.from(deadLetteredAt.minusSeconds(60))));

			mvc.perform(post("/api/v1/webhooks/" + hook + "/deliveries/" + deliveryId + "/replay").with(admin))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("PENDING"));
			assertThat(arrived.await(30, TimeUnit.SECONDS)).as("the replayed delivery is being sent").isTrue();
			Document inFlight = delivery(deliveryId);
			assertThat(inFlight.getString("status")).isEqualTo("PENDING");
			assertThat(inFlight).as("not finished: out of reach of retention and TTL index").doesNotContainKey("finishedAt");

			release.countDown();
			Document delivered = await().atMost(Duration.ofSeconds(30))
				.until(() -> delivery(deliveryId), d -> "DELIVERED".equals(d.getString("status")));
			assertThat(delivered.getDate("finishedAt")).isNotNull()
				.isEqualTo(delivered.getDate("deliveredAt"))
				.isAfter(Date.from(deadLetteredAt));
		}
		finally {
			release.countDown();
			receiver.stop(0);
		}
	}

	private Document delivery(String id) {
		return mongo.getCollection("webhook_deliveries").find(new Document("_id", id)).first();
	}

	private Optional<Duration> ttl(String collection, String name) {
		return mongo.indexOps(collection)
			.getIndexInfo()
			.stream()
			.filter(index -> name.equals(index.getName()))
			.findFirst()
			.flatMap(IndexInfo::getExpireAfter);
	}

	private static void insert(MongoTemplate db, String collection, String id, String timeField, Instant time) {
		db.getCollection(collection).insertOne(new Document("_id", id).append(timeField, Date.from(time)));
	}

	private static void insertDelivery(MongoTemplate db, String id, String status, Instant createdAt,
			Instant finishedAt) {
		Document delivery = new Document("_id", id).append("status", status).append("createdAt", Date.from(createdAt));
		if (finishedAt != null) {
			delivery.append("finishedAt", Date.from(finishedAt));
		}
		db.getCollection("webhook_deliveries").insertOne(delivery);
	}

	private static Set<Object> ids(MongoTemplate db, String collection) {
		return db.getCollection(collection)
			.find()
			.into(new ArrayList<>())
			.stream()
			.map(document -> document.get("_id"))
			.collect(Collectors.toSet());
	}

}
