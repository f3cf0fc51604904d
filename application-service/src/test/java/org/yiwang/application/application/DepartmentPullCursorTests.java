package org.yiwang.application.application;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.application.ServiceTestSupport;
import org.yiwang.application.catalog.PublishedItems;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The department pull cursor does not miss late saves: a case's {@code updatedAt} is taken before its save commits,
 * so a save stamped earlier can appear after one stamped later. The cursor handed out never runs ahead of
 * {@code now - settle window}; a change is delivered again only while it is younger than that window. The cases
 * here belong to a department no other test uses (住建 ZJJ), their {@code updatedAt} is set directly in Mongo (a
 * save committing with the timestamp it took earlier), and polls run at explicit instants.
 */
class DepartmentPullCursorTests extends ServiceTestSupport {

	static final String ITEM = "44030000ZJJ-XK-0900";

	static final Instant N = Instant.parse("2026-06-01T08:00:00Z");

	@BeforeAll
	static void publishAnItemOfAnOtherwiseUnusedDepartment() {
		EventProbe.send(Topics.CATALOG, new EventEnvelope(UUID.randomUUID().toString(), ItemPublished.TYPE, 1,
				Instant.now(), ITEM, "test-corr", null, "test", EventCodec.toMap(new ItemPublished(ITEM, 1,
						"建筑工程施工许可", "ZJJ", "住房和城乡建设局", 10, 15, "CONSTRUCTION_PERMIT", "建筑工程施工许可证", 3))));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PublishedItems items;

	@Autowired
	DepartmentCases departmentCases;

	@Value("${platform.department-pull.settle-window:5s}")
	Duration settle;

	/** Submits an application for the ZJJ item; returns its one case id. */
	String newCase() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> items.existsById(ITEM));
		String app = JsonPath.read(mvc
			.perform(post("/api/v1/applications").with(TestJwts.citizen("zhangsan"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"itemCode\":\"" + ITEM + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		return mongo.getCollection("applications")
			.find(new Document("_id", app))
			.first()
			.getList("cases", Document.class)
			.get(0)
			.getString("caseId");
	}

	/** A save of {@code caseId} committing now with the timestamp {@code stampedAt} it took earlier. */
	void save(String caseId, Instant stampedAt) {
		mongo.updateFirst(new Query(Criteria.where("cases.caseId").is(caseId)),
				new Update().set("cases.$.updatedAt", stampedAt), "applications");
	}

	static String start() {
		return new DepartmentCases.Cursor(Instant.EPOCH, "").encode();
	}

	static Instant timeOf(String cursor) {
		String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		return Instant.ofEpochMilli(Long.parseLong(raw.substring(0, raw.indexOf(':'))));
	}

	DepartmentCases.Slice poll(String cursor, Instant now) {
		return departmentCases.list("ZJJ", null, null, cursor, 0, 100, now);
	}

	/** The rows of the given cases (other tests of this class add ZJJ cases too). */
	static List<String> ids(DepartmentCases.Slice slice, List<String> mine) {
		return slice.items().stream().map(r -> r.caseData().getCaseId()).filter(mine::contains).toList();
	}

	@Test
	void aCaseSavedLateWithAnEarlierTimestampIsDeliveredOnTheNextPoll() throws Exception {
		String old = newCase();
		String late = newCase();
		String fresh = newCase();
		save(old, N.minus(Duration.ofMinutes(10)));
		save(late, N.minus(Duration.ofMinutes(10)).plusSeconds(1));
		save(fresh, N.minusSeconds(1));
		List<String> mine = List.of(old, late, fresh);

		DepartmentCases.Slice first = poll(start(), N);
		assertThat(ids(first, mine)).containsExactly(old, late, fresh);
		// a cursor at the last row (N - 1 s) would skip what the next save brings
		assertThat(timeOf(first.nextCursor())).isBeforeOrEqualTo(N.minus(settle));

		// the save of "late" took its timestamp (N - 2 s, before "fresh") and commits only now
		save(late, N.minusSeconds(2));
		Instant second = N.plusMillis(100);
		DepartmentCases.Slice next = poll(first.nextCursor(), second);
		assertThat(ids(next, mine)).contains(late).doesNotContain(old);
		// again only what was younger than the settle window when delivered
		assertThat(next.items()).filteredOn(r -> r.caseData().getCaseId().equals(fresh))
			.allSatisfy(r -> assertThat(r.caseData().getUpdatedAt()).isAfter(N.minus(settle)));
		assertThat(next.items()).filteredOn(r -> r.caseData().getCaseId().equals(late))
			.singleElement()
			.satisfies(r -> assertThat(r.caseData().getUpdatedAt()).isEqualTo(N.minusSeconds(2)));

		// once the window has passed, the cursor moves past them and they do not come again
		DepartmentCases.Slice settled = poll(next.nextCursor(), N.plus(settle).plusSeconds(1));
		assertThat(ids(settled, mine)).containsExactly(late, fresh);
		DepartmentCases.Slice quiet = poll(settled.nextCursor(), N.plus(settle).plusSeconds(2));
		assertThat(ids(quiet, mine)).isEmpty();
		String beyond = new DepartmentCases.Cursor(Instant.parse("2100-01-01T00:00:00Z"), "").encode();
		DepartmentCases.Slice empty = poll(beyond, N);
		assertThat(empty.items()).isEmpty();
		assertThat(empty.nextCursor()).as("an empty page hands the cursor back").isEqualTo(beyond);
	}

	/**
	 * Random interleavings of saves (each committing less than the settle window after its timestamp) and polls:
	 * after every poll the poller holds the committed state of every case whose last save has settled, and a row
	 * it has already seen comes again only if it was younger than the window at the poll that last delivered it.
	 */
	@Test
	void noSettledChangeIsEverMissedAndRepeatsStayWithinTheWindow() throws Exception {
		List<String> cases = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			cases.add(newCase());
		}
		for (long seed = 1; seed <= 3; seed++) {
			Random random = new Random(seed);
			// after every other row of this class (those are stamped around N or the real now)
			Instant now = Instant.ofEpochMilli(Instant.now().plus(Duration.ofDays(seed)).toEpochMilli());
			Map<String, Instant> committed = new HashMap<>();
			for (String c : cases) {
				committed.put(c, now.minus(Duration.ofMinutes(5)));
				save(c, committed.get(c));
			}
			Map<String, Instant> seen = new HashMap<>();
			Map<String, Instant> lastDeliveredAt = new HashMap<>();
			String cursor = start();
			for (int step = 0; step < 120; step++) {
				now = now.plusMillis(random.nextInt(1500));
				if (random.nextInt(3) > 0) {
					String c = cases.get(random.nextInt(cases.size()));
					// stamped up to (settle - 1 ms) before it commits
					Instant stamp = now.minusMillis(random.nextLong(settle.toMillis()));
					committed.put(c, stamp);
					save(c, stamp);
					continue;
				}
				DepartmentCases.Slice slice = poll(cursor, now);
				for (CaseRow row : slice.items()) {
					String c = row.caseData().getCaseId();
					if (!cases.contains(c)) {
						continue;
					}
					Instant updatedAt = row.caseData().getUpdatedAt();
					if (updatedAt.equals(seen.get(c))) {
						assertThat(updatedAt).as("a repeat of %s (seed %d)", c, seed)
							.isAfter(lastDeliveredAt.get(c).minus(settle));
					}
					seen.put(c, updatedAt);
					lastDeliveredAt.put(c, now);
				}
				for (String c : cases) {
					if (!committed.get(c).isAfter(now.minus(settle))) {
						assertThat(seen.get(c)).as("settled state of %s (seed %d, step %d)", c, seed, step)
							.isEqualTo(committed.get(c));
					}
				}
				assertThat(timeOf(slice.nextCursor())).isBeforeOrEqualTo(now.minus(settle));
				cursor = slice.nextCursor();
			}
		}
	}

	@Test
	void theApiHandsOutCursorsThatDoNotRunAheadOfTheSettleWindow() throws Exception {
		String caseId = newCase();
		var system = TestJwts.user("service-account-dept-zjj-system", "ZJJ", "dept-system");
		Instant before = Instant.now();
		String listing = mvc.perform(get("/api/v1/cases?size=100").with(system))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String cursor = JsonPath.read(listing, "$.nextCursor");
		assertThat(timeOf(cursor)).isBetween(before.minus(settle).minusMillis(1), Instant.now().minus(settle));

		mvc.perform(post("/api/v1/cases/" + caseId + "/accept").with(system)).andExpect(status().isOk());
		String changes = mvc.perform(get("/api/v1/cases?size=100&since=" + cursor).with(system))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((List<String>) JsonPath.read(changes, "$.items[*].caseId")).contains(caseId);
		assertThat(timeOf(JsonPath.read(changes, "$.nextCursor"))).isBeforeOrEqualTo(Instant.now().minus(settle));
	}

}
