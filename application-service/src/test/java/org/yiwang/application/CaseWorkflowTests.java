package org.yiwang.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.application.application.Applications;
import org.yiwang.application.application.CaseEvents;
import org.yiwang.application.catalog.PublishedItems;
import org.yiwang.application.supervision.OverdueScanner;
import org.yiwang.shared.contracts.CaseApproved;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The statutory lifecycle over HTTP on real Kafka and Mongo: correction loop, refused transitions naming the rule,
 * concurrent decisions, theme fan-out with an order constraint (开餐馆), overdue escalation and the supervisor
 * queue, idempotent decisions, the combined result, the calendar administration, and who may do what.
 */
class CaseWorkflowTests extends ServiceTestSupport {

	static final String FOOD = "44030000SCJG-XK-0100";

	static final String FIRE = "44030000XFJY-XK-0200";

	static final String HEALTH = "44030000WSJK-XK-0300";

	static final RequestPostProcessor SCJG = TestJwts.officer("officer-scjg", "SCJG");

	static final RequestPostProcessor XFJY = TestJwts.officer("officer-xfjy", "XFJY");

	static final RequestPostProcessor WSJK = TestJwts.officer("officer-wsjk", "WSJK");

	static final RequestPostProcessor SUPERVISOR = TestJwts.user("supervisor-1", null, "supervisor");

	static final RequestPostProcessor SCJG_SYSTEM = TestJwts.user("service-account-dept-scjg-system", "SCJG",
			"dept-system");

	@BeforeAll
	static void catalogPublishedItems() {
		publish(FOOD, "食品经营许可", "SCJG", "市场监督管理局", 10, 20, "FOOD_BUSINESS", "食品经营许可证");
		publish(FIRE, "公众聚集场所投入使用、营业前消防安全检查", "XFJY", "消防救援支队", 10, 10, "FIRE_SAFETY", "消防安全检查合格证");
		publish(HEALTH, "公共场所卫生许可", "WSJK", "卫生健康委员会", 10, 20, "PUBLIC_HYGIENE", "公共场所卫生许可证");
	}

	static void publish(String code, String name, String dept, String deptName, int promised, int legal, String type,
			String license) {
		EventProbe.send(Topics.CATALOG, new EventEnvelope(UUID.randomUUID().toString(), ItemPublished.TYPE, 1,
				Instant.now(), code, "test-corr", null, "test", EventCodec.toMap(new ItemPublished(code, 1, name, dept,
						deptName, promised, legal, type, license, 5))));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PublishedItems items;

	@Autowired
	Applications applications;

	@Autowired
	OverdueScanner scanner;

	String body(MockHttpServletRequestBuilder request, int status) throws Exception {
		return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
	}

	static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder builder, String content) {
		return builder.contentType(MediaType.APPLICATION_JSON).content(content);
	}

	String submit(String citizen, String itemCode) throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> items.existsById(FOOD) && items.existsById(FIRE)
				&& items.existsById(HEALTH));
		return JsonPath.read(body(json(post("/api/v1/applications").with(TestJwts.citizen(citizen)),
				"{\"itemCode\":\"" + itemCode + "\"}"), 201), "$.id");
	}

	String firstCase(String applicationId) {
		return applications.findById(applicationId).orElseThrow().getCases().get(0).getCaseId();
	}

	@Test
	void correctionLoopListsEveryDeficiencyPausesTheClockAndConcludes() throws Exception {
		try (EventProbe probe = EventProbe.on(Topics.APPLICATION)) {
			String app = submit("zhangsan", FOOD);
			String caseId = firstCase(app);
			mvc.perform(post("/api/v1/cases/" + caseId + "/accept").with(SCJG))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("ACCEPTED"))
				.andExpect(jsonPath("$.clock.running").value(true));
			long revision = applications.findById(app).orElseThrow().getRevision();
			// bad input: problem naming the field, nothing persisted
			mvc.perform(json(post("/api/v1/cases/" + caseId + "/request-correction").with(SCJG),
					"{\"deficiencies\":[]}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("deficiencies"));
			assertThat(applications.findById(app).orElseThrow().getRevision()).isEqualTo(revision);

			mvc.perform(json(post("/api/v1/cases/" + caseId + "/request-correction").with(SCJG),
					"{\"deficiencies\":[\"营业执照复印件不清晰\",\"缺少经营场所平面图\",\"缺少从业人员健康证明\"]}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("CORRECTION_REQUESTED"))
				.andExpect(jsonPath("$.clock.paused").value(true));
			mvc.perform(get("/api/v1/applications/" + app).with(TestJwts.citizen("zhangsan")))
				.andExpect(jsonPath("$.status").value("WAITING_FOR_APPLICANT"))
				.andExpect(jsonPath("$.cases[0].correction.deficiencies.length()").value(3))
				.andExpect(jsonPath("$.cases[0].correction.deficiencies[2]").value("缺少从业人员健康证明"));
			// a second notice is refused: 一次性告知
			mvc.perform(json(post("/api/v1/cases/" + caseId + "/request-correction").with(SCJG),
					"{\"deficiencies\":[\"再补一项\"]}")).andExpect(status().isConflict());
			// only the owner supplements
			mvc.perform(json(post("/api/v1/applications/" + app + "/cases/" + caseId + "/supplement")
				.with(TestJwts.citizen("lisi")), "{\"note\":\"x\"}")).andExpect(status().isNotFound());
			mvc.perform(json(post("/api/v1/applications/" + app + "/cases/" + caseId + "/supplement")
				.with(TestJwts.citizen("zhangsan")), "{\"note\":\"已补交全部材料\"}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.cases[0].status").value("SUPPLEMENTED"))
				.andExpect(jsonPath("$.cases[0].clock.paused").value(false));
			mvc.perform(post("/api/v1/cases/" + caseId + "/recheck").with(SCJG))
				.andExpect(jsonPath("$.status").value("ACCEPTED"));
			mvc.perform(post("/api/v1/cases/" + caseId + "/start-review").with(SCJG))
				.andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
			mvc.perform(post("/api/v1/cases/" + caseId + "/approve").with(SCJG))
				.andExpect(jsonPath("$.status").value("APPROVED"));

			EventEnvelope correction = probe.await(CaseEvents.CorrectionRequested.TYPE,
					e -> e.aggregateId().equals(app));
			assertThat(EventCodec.payload(correction, CaseEvents.CorrectionRequested.class).deficiencies())
				.containsExactly("营业执照复印件不清晰", "缺少经营场所平面图", "缺少从业人员健康证明");
			probe.await(CaseEvents.CaseAccepted.TYPE, e -> e.aggregateId().equals(app));
			probe.await(CaseEvents.CaseSupplemented.TYPE, e -> e.aggregateId().equals(app));
			probe.await(CaseApproved.TYPE, e -> e.aggregateId().equals(app));
			probe.await(CaseEvents.ApplicationConcluded.TYPE, e -> e.aggregateId().equals(app));
		}
	}

	@Test
	void refusedTransitionIsAConflictNamingTheRule() throws Exception {
		String caseId = firstCase(submit("zhangsan", FOOD));
		mvc.perform(post("/api/v1/cases/" + caseId + "/start-review").with(SCJG))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(jsonPath("$.errors[0].rule").value("START_REVIEW requires status ACCEPTED and actor DEPARTMENT"));
		mvc.perform(json(post("/api/v1/cases/" + caseId + "/special-procedure").with(SCJG),
				"{\"procedure\":\"PICNIC\",\"reason\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("procedure"));
	}

	@Test
	void whoMayDoWhat() throws Exception {
		String app = submit("zhangsan", FOOD);
		String caseId = firstCase(app);
		// applicants cannot use the department API, other departments do not see the case
		mvc.perform(post("/api/v1/cases/" + caseId + "/accept").with(TestJwts.citizen("zhangsan")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/cases/" + caseId + "/accept").with(WSJK)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/cases/" + caseId).with(WSJK)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/cases/" + caseId).with(SCJG)).andExpect(status().isOk());
		// officers cannot withdraw for the applicant, another applicant cannot either
		mvc.perform(json(post("/api/v1/applications/" + app + "/withdraw").with(SCJG), "{\"reason\":\"x\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/v1/applications/" + app + "/withdraw").with(TestJwts.citizen("lisi")),
				"{\"reason\":\"x\"}")).andExpect(status().isNotFound());
		// supervision is for supervisors
		mvc.perform(get("/api/v1/supervision/overdue-cases").with(SCJG)).andExpect(status().isForbidden());
		// the applicant withdraws; the application concludes
		mvc.perform(json(post("/api/v1/applications/" + app + "/withdraw").with(TestJwts.citizen("zhangsan")),
				"{\"reason\":\"不再经营\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONCLUDED"))
			.andExpect(jsonPath("$.cases[0].status").value("WITHDRAWN"));
		mvc.perform(post("/api/v1/cases/" + caseId + "/accept").with(SCJG)).andExpect(status().isConflict());
	}

	@Test
	void twoOfficersApprovingAtOnceOneWinsTheOtherGets409() throws Exception {
		String caseId = firstCase(submit("zhangsan", FOOD));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (RequestPostProcessor officer : List.of(TestJwts.officer("officer-a", "SCJG"),
					TestJwts.officer("officer-b", "SCJG"))) {
				results.add(pool.submit(() -> {
					start.await();
					return mvc.perform(post("/api/v1/cases/" + caseId + "/approve").with(officer))
						.andReturn()
						.getResponse()
						.getStatus();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void restaurantThemeFansOutToThreeDepartmentsWithTheFireCheckFirst() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> items.existsById(FOOD) && items.existsById(FIRE)
				&& items.existsById(HEALTH));
		// several items without a theme: the client's order holds (a theme's order comes from its published plan:
		// ThemePlanBindingTests); the food business licence only after the fire safety check is approved
		String request = "{\"itemCodes\":[\"" + FOOD + "\",\"" + FIRE + "\",\"" + HEALTH
				+ "\"],\"order\":[{\"before\":\"" + FIRE + "\",\"after\":\"" + FOOD + "\"}]}";
		try (EventProbe probe = EventProbe.on(Topics.APPLICATION)) {
			String response = body(json(post("/api/v1/applications").with(TestJwts.citizen("wangwu")), request), 201);
			String app = JsonPath.read(response, "$.id");
			assertThat((List<String>) JsonPath.read(response, "$.cases[*].departmentCode")).containsExactly("SCJG",
					"XFJY", "WSJK");
			assertThat((List<String>) JsonPath.read(response, "$.cases[*].status")).containsExactly("WAITING",
					"SUBMITTED", "SUBMITTED");
			String food = JsonPath.read(response, "$.cases[0].caseId");
			String fire = JsonPath.read(response, "$.cases[1].caseId");
			String health = JsonPath.read(response, "$.cases[2].caseId");
			mvc.perform(post("/api/v1/cases/" + food + "/accept").with(SCJG))
				.andExpect(status().isConflict())
				.andExpect(jsonPath("$.errors[0].rule").value("ACCEPT requires status SUBMITTED and actor DEPARTMENT"));
			mvc.perform(post("/api/v1/cases/" + health + "/approve").with(WSJK)).andExpect(status().isOk());
			mvc.perform(post("/api/v1/cases/" + fire + "/approve").with(XFJY)).andExpect(status().isOk());
			mvc.perform(get("/api/v1/cases/" + food).with(SCJG)).andExpect(jsonPath("$.status").value("SUBMITTED"));
			probe.await(CaseEvents.CaseSubmitted.TYPE, e -> e.aggregateId().equals(app)
					&& food.equals(e.payload().get("caseId")));
			mvc.perform(get("/api/v1/applications/" + app).with(TestJwts.citizen("wangwu")))
				.andExpect(jsonPath("$.status").value("IN_PROGRESS"));
			mvc.perform(post("/api/v1/cases/" + food + "/approve").with(SCJG)).andExpect(status().isOk());
			mvc.perform(get("/api/v1/applications/" + app).with(TestJwts.citizen("wangwu")))
				.andExpect(jsonPath("$.status").value("CONCLUDED"));
			List<EventEnvelope> concluded = probe.all(CaseEvents.ApplicationConcluded.TYPE, Duration.ofSeconds(2))
				.stream()
				.filter(e -> e.aggregateId().equals(app))
				.toList();
			assertThat(concluded).hasSize(1);
			assertThat(EventCodec.payload(concluded.get(0), CaseEvents.ApplicationConcluded.class).results())
				.extracting(CaseEvents.ApplicationConcluded.Result::departmentCode)
				.containsExactly("SCJG", "XFJY", "WSJK");
		}
	}

	@Test
	void themeRequestsAreValidatedAndNothingIsStored() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> items.existsById(FOOD) && items.existsById(FIRE));
		long before = applications.count();
		mvc.perform(json(post("/api/v1/applications").with(TestJwts.citizen("wangwu")),
				"{\"itemCodes\":[\"" + FOOD + "\",\"44030000XX-0000\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("itemCodes[1]"));
		mvc.perform(json(post("/api/v1/applications").with(TestJwts.citizen("wangwu")),
				"{\"itemCodes\":[\"" + FOOD + "\",\"" + FIRE + "\"],\"order\":[{\"before\":\"" + FOOD + "\",\"after\":\""
						+ FIRE + "\"},{\"before\":\"" + FIRE + "\",\"after\":\"" + FOOD + "\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("order"))
			.andExpect(jsonPath("$.errors[0].rule").value("must not contain a cycle"));
		assertThat(applications.count()).isEqualTo(before);
	}

	@Test
	void overdueCasesAreEscalatedOnceAndQueuedForSupervisors() throws Exception {
		try (EventProbe probe = EventProbe.on(Topics.APPLICATION)) {
			String app = submit("zhaoliu", FOOD);
			String caseId = firstCase(app);
			assertThat(supervisedMarker(app)).as("submitted, not accepted: no clock runs").isNull();
			mvc.perform(post("/api/v1/cases/" + caseId + "/accept").with(SCJG)).andExpect(status().isOk());
			// the scan reads the applications carrying the marker (a sparse unique index), not the collection
			assertThat(supervisedMarker(app)).isEqualTo(app);
			Instant later = Instant.now().plus(Duration.ofDays(40)); // far past 10 working days
			assertThat(scanner.scan(later)).isGreaterThanOrEqualTo(1);
			assertThat(applications.findById(app).orElseThrow().caseOf(caseId).getEscalatedAt()).isNotNull();
			scanner.scan(later.plus(Duration.ofDays(1)));
			probe.await(CaseEvents.CaseDeadline.OVERDUE, e -> e.aggregateId().equals(app));
			assertThat(probe.all(CaseEvents.CaseDeadline.OVERDUE, Duration.ofSeconds(2))
				.stream()
				.filter(e -> e.aggregateId().equals(app))).hasSize(1);
			mvc.perform(get("/api/v1/supervision/overdue-cases?size=100").with(SUPERVISOR))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[?(@.caseId == '" + caseId + "')]").exists());
			mvc.perform(post("/api/v1/cases/" + caseId + "/approve").with(SCJG)).andExpect(status().isOk());
			assertThat(supervisedMarker(app)).as("concluded: out of the scan").isNull();
			mvc.perform(get("/api/v1/supervision/overdue-cases?size=100").with(SUPERVISOR))
				.andExpect(jsonPath("$.items[?(@.caseId == '" + caseId + "')]").doesNotExist());
			mvc.perform(get("/api/v1/supervision/figures?department=SCJG").with(SUPERVISOR))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.itemCode == '" + FOOD + "')].concludedCases").exists());
		}
	}

	@Autowired
	MongoTemplate mongo;

	String supervisedMarker(String applicationId) {
		return mongo.findById(applicationId, Document.class, "applications").getString("supervised");
	}

	@Test
	void aYellowWarningIsRaisedOnceAtEightyPercent() throws Exception {
		String app = submit("zhaoliu", HEALTH);
		String caseId = firstCase(app);
		mvc.perform(post("/api/v1/cases/" + caseId + "/accept").with(WSJK)).andExpect(status().isOk());
		// find the instant at which 8 of 10 working days are used, on the service's own calendar
		Instant eightDays = Instant.now();
		while (org.yiwang.application.supervision.StatutoryClock
			.of(applications.findById(app).orElseThrow().caseOf(caseId), calendars.calendar(), eightDays)
			.usedDays() < 8) {
			eightDays = eightDays.plus(Duration.ofDays(1));
		}
		scanner.scan(eightDays);
		var c = applications.findById(app).orElseThrow().caseOf(caseId);
		assertThat(c.getWarnedAt()).isNotNull();
		assertThat(c.getEscalatedAt()).isNull();
	}

	@Autowired
	org.yiwang.application.calendar.WorkingCalendars calendars;

	@Test
	void departmentSystemDecisionsAreIdempotentPerKey() throws Exception {
		try (EventProbe probe = EventProbe.on(Topics.APPLICATION)) {
			String app = submit("zhangsan", FOOD);
			String caseId = firstCase(app);
			String key = "dec-" + UUID.randomUUID();
			String first = body(post("/api/v1/cases/" + caseId + "/approve").with(SCJG_SYSTEM)
				.header("Idempotency-Key", key), 200);
			mvc.perform(post("/api/v1/cases/" + caseId + "/approve").with(SCJG_SYSTEM).header("Idempotency-Key", key))
				.andExpect(status().isOk())
				.andExpect(header().string("Idempotent-Replayed", "true"))
				.andExpect(jsonPath("$.caseId").value(caseId))
				.andExpect(jsonPath("$.status").value("APPROVED"))
				.andExpect(jsonPath("$.decidedBy").value((String) JsonPath.read(first, "$.decidedBy")));
			mvc.perform(json(post("/api/v1/cases/" + caseId + "/deny").with(SCJG_SYSTEM).header("Idempotency-Key", key),
					"{\"reason\":\"x\"}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
			// without a key the repeated decision meets the lifecycle rule
			mvc.perform(post("/api/v1/cases/" + caseId + "/approve").with(SCJG_SYSTEM)).andExpect(status().isConflict());
			// keys are per department: WSJK's identical key does not replay SCJG's answer
			mvc.perform(post("/api/v1/cases/" + caseId + "/approve").with(WSJK).header("Idempotency-Key", key))
				.andExpect(status().isNotFound());
			assertThat(probe.all(CaseApproved.TYPE, Duration.ofSeconds(2))
				.stream()
				.filter(e -> e.aggregateId().equals(app))).hasSize(1);
		}
	}

	@Test
	void departmentSystemsPullChangesSinceACursor() throws Exception {
		String a1 = submit("qianqi", FOOD);
		String c1 = firstCase(a1);
		String page = body(get("/api/v1/cases?size=100&status=SUBMITTED&itemCode=" + FOOD).with(SCJG_SYSTEM), 200);
		assertThat((List<String>) JsonPath.read(page, "$.items[*].caseId")).contains(c1);
		assertThat((List<String>) JsonPath.read(page, "$.items[*].status")).containsOnly("SUBMITTED");
		// drain the change feed, then a change shows up after the cursor
		String cursor = null;
		String next = body(get("/api/v1/cases?size=100&since=" + encoded("MA")).with(SCJG_SYSTEM), 200);
		while (((List<?>) JsonPath.read(next, "$.items")).size() > 0) {
			cursor = JsonPath.read(next, "$.nextCursor");
			next = body(get("/api/v1/cases?size=100&since=" + cursor).with(SCJG_SYSTEM), 200);
		}
		Thread.sleep(5);
		mvc.perform(post("/api/v1/cases/" + c1 + "/accept").with(SCJG_SYSTEM)).andExpect(status().isOk());
		String changes = body(get("/api/v1/cases?size=100&since=" + cursor).with(SCJG_SYSTEM), 200);
		assertThat((List<String>) JsonPath.read(changes, "$.items[*].caseId")).containsExactly(c1);
		mvc.perform(get("/api/v1/cases?since=not-a-cursor!").with(SCJG_SYSTEM))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("since"));
		mvc.perform(get("/api/v1/cases?status=NONSENSE").with(SCJG_SYSTEM)).andExpect(status().isBadRequest());
	}

	static String encoded(String s) {
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("0:" + s).getBytes());
	}

	@Test
	void onlyPlatformAdminsChangeTheWorkingCalendar() throws Exception {
		String year = "{\"source\":\"深圳市示例调整（演示数据）\",\"assumed\":true,\"holidays\":[{\"date\":\"2027-03-01\",\"name\":\"示例假日\"}],\"workdays\":[]}";
		mvc.perform(json(put("/api/v1/calendars/440300/2027").with(SCJG), year)).andExpect(status().isForbidden());
		mvc.perform(json(put("/api/v1/calendars/440300/2027").with(TestJwts.user("admin", null, "platform-admin")),
				"{\"source\":\"x\",\"assumed\":true,\"holidays\":[{\"date\":\"2026-03-01\",\"name\":\"错年\"}],\"workdays\":[]}"))
			.andExpect(status().isBadRequest());
		mvc.perform(json(put("/api/v1/calendars/440300/2027").with(TestJwts.user("admin", null, "platform-admin")),
				year)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/calendars/440300/2027").with(SCJG))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.holidays[0].date").value("2027-03-01"));
		mvc.perform(get("/api/v1/calendars/CN/2026").with(TestJwts.citizen("zhangsan")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assumed").value(false))
			.andExpect(jsonPath("$.workdays[?(@.date == '2026-02-14')]").exists());
	}

}
