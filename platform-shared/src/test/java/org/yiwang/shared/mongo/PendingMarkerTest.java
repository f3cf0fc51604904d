package org.yiwang.shared.mongo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.testing.TestInfrastructure;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pending-work marker on the wire server: legacy documents marked once, due order, a sparse unique index. */
class PendingMarkerTest {

	private static final PendingMarker DUE = new PendingMarker("due");

	private MongoClient client;

	private MongoTemplate mongo;

	@BeforeEach
	void setUp() {
		client = MongoClients.create(TestInfrastructure.mongoUri());
		mongo = new MongoTemplate(client, "pending-marker-" + UUID.randomUUID());
	}

	@AfterEach
	void tearDown() {
		client.close();
	}

	@Test
	void valuesSortByDueTimeThenId() {
		Instant early = Instant.parse("2026-12-03T08:00:00Z");
		Instant late = Instant.parse("2026-12-03T09:00:00Z");
		assertThat(PendingMarker.due(early, "b")).isLessThan(PendingMarker.due(late, "a"));
		assertThat(PendingMarker.due(early, "a")).isLessThan(PendingMarker.due(early, "b"));
		assertThat(PendingMarker.due(Instant.EPOCH.minusSeconds(5), "a")).startsWith("0000000000000|");
	}

	@Test
	void declaringMarksLegacyWorkOnceThenOnlyMarkedDocumentsArePending() {
		Instant now = Instant.parse("2026-12-03T08:00:00Z");
		mongo.insert(new Document("_id", "old-late").append("status", "PENDING").append("at", now.plusSeconds(60)),
				"jobs");
		mongo.insert(new Document("_id", "old-early").append("status", "PENDING").append("at", now), "jobs");
		mongo.insert(new Document("_id", "old-done").append("status", "DONE"), "jobs");
		Query legacy = new Query(Criteria.where("status").is("PENDING"));
		legacy.fields().include("at"); // the scan reads only what the marker needs

		int marked = DUE.declare(mongo, "jobs", legacy,
				d -> PendingMarker.due(d.get("at", java.util.Date.class).toInstant(), d.get("_id")));
		assertThat(marked).isEqualTo(2);
		IndexInfo index = mongo.indexOps("jobs")
			.getIndexInfo()
			.stream()
			.filter(i -> i.getName().equals("due_pending"))
			.findFirst()
			.orElseThrow();
		assertThat(index.isUnique()).isTrue();
		assertThat(index.isSparse()).isTrue();

		// declared: a second start scans nothing, even for a document the legacy query would find
		mongo.insert(new Document("_id", "unmarked").append("status", "PENDING").append("at", now), "jobs");
		assertThat(DUE.declare(mongo, "jobs", legacy, d -> "x")).isZero();

		mongo.insert(new Document("_id", "new").append("status", "PENDING")
			.append("due", PendingMarker.due(now.plusSeconds(30), "new")), "jobs");
		assertThat(DUE.ids(mongo, "jobs")).containsExactlyInAnyOrder("old-early", "new", "old-late");
		// due at now + 40 s, earliest first; at most the asked number
		assertThat(DUE.dueIds(mongo, "jobs", now.plusSeconds(40), 10)).containsExactly("old-early", "new");
		assertThat(DUE.dueIds(mongo, "jobs", now.plusSeconds(60), 2)).containsExactly("old-early", "new");
		assertThat(DUE.dueIds(mongo, "jobs", now.minusSeconds(1), 10)).isEmpty();
		// the query names the marker field alone: the shape the stand-in answers from the index
		assertThat(DUE.query().getQueryObject().keySet()).containsExactly("due");

		// values are unique: two documents never carry the same marker
		assertThatThrownBy(() -> mongo.insert(new Document("_id", "copy").append("due",
				PendingMarker.due(now.plusSeconds(30), "new")), "jobs"))
			.isInstanceOf(DuplicateKeyException.class);
		// clearing takes a document out
		mongo.updateFirst(DUE.carrying(PendingMarker.due(now, "old-early")),
				DUE.clear(new org.springframework.data.mongodb.core.query.Update()), "jobs");
		assertThat(DUE.ids(mongo, "jobs")).containsExactlyInAnyOrder("new", "old-late");
	}

}
