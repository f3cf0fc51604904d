package org.yiwang.application.department;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.yiwang.application.ServiceTestSupport;
import org.yiwang.application.catalog.PublishedItems;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestJwts;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code Idempotency-Key}s of department decisions expire: within the retention the stored answer is replayed,
 * after it the same key is a new request; the sweep deletes expired records (the wire server ignores TTL indexes)
 * and the TTL index for a real MongoDB is declared. Time is driven by a controllable {@link Clock} given to an
 * {@link IdempotencyKeys} on the real Mongo.
 */
class IdempotencyKeyExpiryTests extends ServiceTestSupport {

	static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

	static final Duration RETENTION = Duration.ofHours(24);

	@Autowired
	MongoTemplate mongo;

	@Autowired
	JsonMapper json;

	@Autowired
	MockMvc mvc;

	@Autowired
	PublishedItems items;

	/** A clock the test moves. */
	static final class MovableClock extends Clock {

		final AtomicReference<Instant> now = new AtomicReference<>(T0);

		void set(Instant instant) {
			now.set(instant);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now.get();
		}

	}

	Document stored(String department, String key) {
		return mongo.getCollection("idempotency_keys").find(new Document("_id", department + ":" + key)).first();
	}

	@Test
	void aKeyReplaysWithinItsRetentionAndIsANewRequestAfterIt() {
		MovableClock clock = new MovableClock();
		IdempotencyKeys keys = new IdempotencyKeys(mongo, json, clock, new IdempotencyProperties(RETENTION, null));
		String department = "EXP-" + UUID.randomUUID().toString().substring(0, 8);
		String key = "decision-" + UUID.randomUUID();
		AtomicInteger executed = new AtomicInteger();
		Map<String, String> approve = Map.of("op", "approve", "caseId", "C-1");
		Map<String, String> deny = Map.of("op", "deny", "caseId", "C-1");

		ResponseEntity<Object> first = keys.run(department, key, approve, () -> Map.of("n", executed.incrementAndGet()));
		assertThat(first.getHeaders().containsHeader("Idempotent-Replayed")).isFalse();
		assertThat(executed).hasValue(1);
		Document record = stored(department, key);
		assertThat(record.getDate("expiresAt").toInstant()).isEqualTo(T0.plus(RETENTION));

		clock.set(T0.plus(RETENTION).minusSeconds(1));
		ResponseEntity<Object> replayed = keys.run(department, key, approve,
				() -> Map.of("n", executed.incrementAndGet()));
		assertThat(replayed.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(executed).as("replayed, not executed again").hasValue(1);
		assertThat(keys.run(department, key, deny, () -> Map.of("n", executed.incrementAndGet())).getStatusCode()
			.value()).as("another request with a remembered key").isEqualTo(422);

		clock.set(T0.plus(RETENTION));
		ResponseEntity<Object> fresh = keys.run(department, key, deny, () -> Map.of("n", executed.incrementAndGet()));
		assertThat(fresh.getStatusCode().value()).isEqualTo(200);
		assertThat(fresh.getHeaders().containsHeader("Idempotent-Replayed")).isFalse();
		assertThat(executed).as("after the retention the key is a new request").hasValue(2);
		assertThat(stored(department, key).getDate("expiresAt").toInstant())
			.isEqualTo(T0.plus(RETENTION).plus(RETENTION));
		assertThat(keys.run(department, key, deny, () -> Map.of("n", executed.incrementAndGet())).getHeaders()
			.getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(executed).hasValue(2);
	}

	@Test
	void theSweepDeletesExpiredKeysOnlyAndATtlIndexIsDeclared() {
		MovableClock clock = new MovableClock();
		IdempotencyKeys keys = new IdempotencyKeys(mongo, json, clock, new IdempotencyProperties(RETENTION, null));
		String department = "EXP-" + UUID.randomUUID().toString().substring(0, 8);
		keys.run(department, "old-key-0001", Map.of("op", "accept"), () -> Map.of("ok", true));
		clock.set(T0.plus(Duration.ofHours(12)));
		keys.run(department, "young-key-0001", Map.of("op", "accept"), () -> Map.of("ok", true));
		// stored before keys expired: no expiresAt, expires retention after createdAt
		mongo.getCollection("idempotency_keys")
			.insertOne(new Document("_id", department + ":legacy-key-0001").append("department", department)
				.append("fingerprint", "{}")
				.append("state", "DONE")
				.append("status", 200)
				.append("body", "{}")
				.append("createdAt", Date.from(T0.minusSeconds(60))));

		assertThat(keys.sweep(T0.plus(RETENTION).minusSeconds(61))).isZero();
		assertThat(stored(department, "legacy-key-0001")).isNotNull();

		long deleted = keys.sweep(T0.plus(RETENTION));
		assertThat(deleted).isGreaterThanOrEqualTo(2);
		assertThat(stored(department, "old-key-0001")).isNull();
		assertThat(stored(department, "legacy-key-0001")).isNull();
		assertThat(stored(department, "young-key-0001")).as("not expired yet").isNotNull();

		assertThat(mongo.indexOps("idempotency_keys").getIndexInfo())
			.filteredOn(index -> index.isIndexForFields(java.util.List.of("expiresAt")))
			.singleElement()
			.extracting(IndexInfo::getExpireAfter)
			.isEqualTo(java.util.Optional.of(Duration.ZERO));
	}

	@Test
	void decisionsOverHttpRememberTheirKeyForTheConfiguredRetention() throws Exception {
		String item = "44030000SCJG-XK-0100";
		EventProbe.send(Topics.CATALOG, new EventEnvelope(UUID.randomUUID().toString(), ItemPublished.TYPE, 1,
				Instant.now(), item, "test-corr", null, "test", EventCodec.toMap(new ItemPublished(item, 1,
						"食品经营许可", "SCJG", "市场监督管理局", 10, 20, "FOOD_BUSINESS", "食品经营许可证", 5))));
		await().atMost(Duration.ofSeconds(20)).until(() -> items.existsById(item));
		String app = JsonPath.read(mvc
			.perform(post("/api/v1/applications").with(TestJwts.citizen("zhangsan"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"itemCode\":\"" + item + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		String caseId = mongo.getCollection("applications")
			.find(new Document("_id", app))
			.first()
			.getList("cases", Document.class)
			.get(0)
			.getString("caseId");
		String key = "accept-" + UUID.randomUUID();
		mvc.perform(post("/api/v1/cases/" + caseId + "/accept")
			.with(TestJwts.user("service-account-dept-scjg-system", "SCJG", "dept-system"))
			.header("Idempotency-Key", key)).andExpect(status().isOk());
		Document record = stored("SCJG", key);
		assertThat(Duration.between(record.getDate("createdAt").toInstant(), record.getDate("expiresAt").toInstant()))
			.as("platform.idempotency.retention defaults to 24 h")
			.isEqualTo(Duration.ofHours(24));
	}

}
