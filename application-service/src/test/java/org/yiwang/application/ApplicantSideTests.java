package org.yiwang.application;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.application.application.Applications;
import org.yiwang.application.calendar.WorkingCalendars;
import org.yiwang.application.catalog.PublishedItems;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.contracts.LicenseIssued;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The applicant's side: the inbox (accepted, correction with the exact list, the one combined result, licence
 * issued), and 好差评 with the rectification a bad rating opens for the department.
 */
class ApplicantSideTests extends ServiceTestSupport {

	static final String ITEM = "44030000SCJG-XK-0100";

	@BeforeAll
	static void catalogPublishedAnItem() {
		EventProbe.send(Topics.CATALOG, new EventEnvelope(UUID.randomUUID().toString(), ItemPublished.TYPE, 1,
				Instant.now(), ITEM, "test-corr", null, "test", EventCodec.toMap(new ItemPublished(ITEM, 1, "食品经营许可",
						"SCJG", "市场监督管理局", 10, 20, "FOOD_BUSINESS", "食品经营许可证", 5))));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PublishedItems items;

	@Autowired
	Applications applications;

	@Autowired
	WorkingCalendars calendars;

	static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder builder, String content) {
		return builder.contentType(MediaType.APPLICATION_JSON).content(content);
	}

	String submit(String citizen) throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> items.existsById(ITEM));
		return JsonPath.read(mvc.perform(json(post("/api/v1/applications").with(TestJwts.citizen(citizen)),
				"{\"itemCode\":\"" + ITEM + "\"}")).andReturn().getResponse().getContentAsString(), "$.id");
	}

	List<String> kinds(String citizen, String app) throws Exception {
		return JsonPath.read(mvc.perform(get("/api/v1/notifications?size=100&applicationId=" + app)
			.with(TestJwts.citizen(citizen))).andReturn().getResponse().getContentAsString(), "$.items[*].kind");
	}

	@Test
	void theInboxTellsTheApplicantEachStepAndTheCombinedResultOnce() throws Exception {
		String citizen = "sunba-" + UUID.randomUUID();
		String app = submit(citizen);
		String caseId = applications.findById(app).orElseThrow().getCases().get(0).getCaseId();
		var officer = TestJwts.officer("officer-scjg", "SCJG");
		mvc.perform(post("/api/v1/cases/" + caseId + "/accept").with(officer)).andExpect(status().isOk());
		mvc.perform(json(post("/api/v1/cases/" + caseId + "/request-correction").with(officer),
				"{\"deficiencies\":[\"缺少健康证明\",\"平面图未标注面积\"]}")).andExpect(status().isOk());
		mvc.perform(json(post("/api/v1/applications/" + app + "/cases/" + caseId + "/supplement")
			.with(TestJwts.citizen(citizen)), "{\"note\":\"已补\"}")).andExpect(status().isOk());
		mvc.perform(post("/api/v1/cases/" + caseId + "/recheck").with(officer)).andExpect(status().isOk());
		mvc.perform(post("/api/v1/cases/" + caseId + "/approve").with(officer)).andExpect(status().isOk());
		EventProbe.send(Topics.LICENSE, new EventEnvelope(UUID.randomUUID().toString(), LicenseIssued.TYPE, 1,
				Instant.now(), "L-" + caseId, "test-corr", null, "test", EventCodec.toMap(new LicenseIssued(
						"FOOD_BUSINESS-SCJG-2026-000009-X", "FOOD_BUSINESS", citizen, caseId, app, Instant.now()))));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> kinds(citizen, app).containsAll(
					List.of("ACCEPTED", "CORRECTION_REQUESTED", "CONCLUDED", "LICENSE_ISSUED")));
		assertThat(kinds(citizen, app)).filteredOn("CONCLUDED"::equals).hasSize(1);
		mvc.perform(get("/api/v1/notifications?size=100&applicationId=" + app).with(TestJwts.citizen(citizen)))
			.andExpect(jsonPath("$.items[?(@.kind == 'CORRECTION_REQUESTED')].lines[0]").value("缺少健康证明"))
			.andExpect(jsonPath("$.items[?(@.kind == 'CORRECTION_REQUESTED')].lines[1]").value("平面图未标注面积"))
			.andExpect(jsonPath("$.items[?(@.kind == 'CONCLUDED')].lines[0]").value("食品经营许可（市场监督管理局）：准予"));
		// nobody else reads them
		mvc.perform(get("/api/v1/notifications?size=100&applicationId=" + app).with(TestJwts.citizen("lisi")))
			.andExpect(jsonPath("$.total").value(0));
		String id = JsonPath.read(mvc.perform(get("/api/v1/notifications?size=1&applicationId=" + app)
			.with(TestJwts.citizen(citizen))).andReturn().getResponse().getContentAsString(), "$.items[0].id");
		mvc.perform(post("/api/v1/notifications/" + id + "/read").with(TestJwts.citizen("lisi")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/notifications/" + id + "/read").with(TestJwts.citizen(citizen)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.readAt").exists());
	}

	@Test
	void aBadRatingOpensARectificationDueInFifteenWorkingDaysWhoseOutcomeTheApplicantSees() throws Exception {
		String citizen = "zhoujiu-" + UUID.randomUUID();
		String app = submit(citizen);
		String caseId = applications.findById(app).orElseThrow().getCases().get(0).getCaseId();
		var me = TestJwts.citizen(citizen);
		mvc.perform(json(post("/api/v1/applications/" + app + "/rating").with(me), "{\"score\":2}"))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/cases/" + caseId + "/approve").with(TestJwts.officer("officer-scjg", "SCJG")))
			.andExpect(status().isOk());
		long revision = applications.findById(app).orElseThrow().getRevision();
		mvc.perform(json(post("/api/v1/applications/" + app + "/rating").with(me), "{\"score\":6}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("score"));
		assertThat(applications.findById(app).orElseThrow().getRevision()).isEqualTo(revision);
		mvc.perform(json(post("/api/v1/applications/" + app + "/rating").with(TestJwts.citizen("lisi")),
				"{\"score\":1}")).andExpect(status().isNotFound());

		LocalDate due = calendars.calendar().addWorkingDays(calendars.today(), 15);
		mvc.perform(json(post("/api/v1/applications/" + app + "/rating").with(me),
				"{\"score\":2,\"comment\":\"窗口答复不清楚，跑了两趟\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rating.score").value(2))
			.andExpect(jsonPath("$.rectifications[0].departmentCode").value("SCJG"))
			.andExpect(jsonPath("$.rectifications[0].dueDate").value(due.toString()))
			.andExpect(jsonPath("$.rectifications[0].status").value("OPEN"));
		mvc.perform(json(post("/api/v1/applications/" + app + "/rating").with(me), "{\"score\":5}"))
			.andExpect(status().isConflict());

		var scjgAdmin = TestJwts.deptAdmin("admin-scjg", "SCJG");
		mvc.perform(get("/api/v1/rectifications?size=100").with(scjgAdmin))
			.andExpect(jsonPath("$.items[?(@.applicationId == '" + app + "')].status").value("OPEN"));
		mvc.perform(json(post("/api/v1/rectifications/" + app + "/complete").with(TestJwts.officer("o", "WSJK")),
				"{\"outcome\":\"x\"}")).andExpect(status().isNotFound());
		mvc.perform(json(post("/api/v1/rectifications/" + app + "/complete").with(scjgAdmin),
				"{\"outcome\":\"已对窗口人员进行业务培训，并更新一次性告知清单\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("COMPLETED"));
		mvc.perform(get("/api/v1/applications/" + app).with(me))
			.andExpect(jsonPath("$.rectifications[0].outcome").value("已对窗口人员进行业务培训，并更新一次性告知清单"));
		await().atMost(Duration.ofSeconds(20)).until(() -> kinds(citizen, app).contains("RECTIFIED"));
	}

	@Test
	void uploadedMaterialsAreCheckedStoredInGridFsAndReadByTheCaseDepartmentOnly() throws Exception {
		String citizen = "wuyi-" + UUID.randomUUID();
		String app = submit(citizen);
		String caseId = applications.findById(app).orElseThrow().getCases().get(0).getCaseId();
		byte[] pdf = "%PDF-1.7 营业执照（演示数据）".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		mvc.perform(multipart("/api/v1/applications/" + app + "/materials")
			.file(new MockMultipartFile("file", "a.txt", "text/plain", "hello".getBytes()))
			.param("name", "营业执照")
			.with(TestJwts.citizen(citizen)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		mvc.perform(multipart("/api/v1/applications/" + app + "/materials")
			.file(new MockMultipartFile("file", "fake.pdf", "application/pdf", "MZ not a pdf".getBytes()))
			.param("name", "营业执照")
			.with(TestJwts.citizen(citizen)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].rule").value("content must match its declared type"));
		mvc.perform(multipart("/api/v1/applications/" + app + "/materials")
			.file(new MockMultipartFile("file", "a.pdf", "application/pdf", pdf))
			.param("name", "营业执照")
			.with(TestJwts.citizen("lisi"))).andExpect(status().isNotFound());
		assertThat(applications.findById(app).orElseThrow().getMaterials()).isEmpty();

		String material = JsonPath.read(mvc.perform(multipart("/api/v1/applications/" + app + "/materials")
			.file(new MockMultipartFile("file", "license.pdf", "application/pdf", pdf))
			.param("name", "营业执照")
			.with(TestJwts.citizen(citizen)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.source").value("UPLOAD"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.materialId");
		mvc.perform(get("/api/v1/applications/" + app).with(TestJwts.citizen(citizen)))
			.andExpect(jsonPath("$.materials[0].name").value("营业执照"));
		mvc.perform(get("/api/v1/cases/" + caseId + "/materials").with(TestJwts.officer("officer-scjg", "SCJG")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].materialId").value(material));
		byte[] read = mvc.perform(get("/api/v1/cases/" + caseId + "/materials/" + material + "/content")
			.with(TestJwts.officer("officer-scjg", "SCJG")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(read).isEqualTo(pdf);
		mvc.perform(get("/api/v1/cases/" + caseId + "/materials/" + material + "/content")
			.with(TestJwts.officer("officer-wsjk", "WSJK"))).andExpect(status().isNotFound());
	}

	@Test
	void aWindowClerkSubmitsForTheApplicantWhoThenOwnsTheApplication() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> items.existsById(ITEM));
		String citizen = "zhengshi-" + UUID.randomUUID();
		var clerk = TestJwts.user("clerk-zwfw", "ZWFW", "window-clerk");
		// identity-service knows the person the clerk found by ID card
		var identity = org.yiwang.application.material.PeerStub.get();
		identity.on("POST /api/v1/identity/subject-resolutions", call -> call.body().contains(citizen)
				? org.yiwang.application.material.PeerStub.Answer.json("{\"subject\":\"" + citizen
						+ "\",\"name\":\"郑十\",\"idNumber\":\"440305199003071236\",\"idNumberMasked\":\"4403**********1236\"}")
				: new org.yiwang.application.material.PeerStub.Answer(404, "{}"));
		long before = applications.count();
		mvc.perform(json(post("/api/v1/applications/window-submissions").with(clerk), "{\"itemCode\":\"" + ITEM + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("applicant"));
		// the online endpoint is not for clerks, the window endpoint not for citizens
		mvc.perform(json(post("/api/v1/applications").with(clerk), "{}")).andExpect(status().isForbidden());
		mvc.perform(json(post("/api/v1/applications/window-submissions").with(TestJwts.citizen("lisi")),
				"{\"itemCode\":\"" + ITEM + "\",\"applicant\":{\"subject\":\"x\",\"name\":\"y\"}}"))
			.andExpect(status().isForbidden());
		mvc.perform(json(post("/api/v1/applications").with(TestJwts.citizen("lisi")),
				"{\"itemCode\":\"" + ITEM + "\",\"applicant\":{\"subject\":\"" + citizen + "\",\"name\":\"郑十\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("applicant"));
		// nobody identity-service does not know, and not under another name
		mvc.perform(json(post("/api/v1/applications/window-submissions").with(clerk),
				"{\"itemCode\":\"" + ITEM + "\",\"applicant\":{\"subject\":\"made-up\",\"name\":\"郑十\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("applicant.subject"));
		mvc.perform(json(post("/api/v1/applications/window-submissions").with(clerk),
				"{\"itemCode\":\"" + ITEM + "\",\"applicant\":{\"subject\":\"" + citizen + "\",\"name\":\"郑九\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("applicant.name"));
		assertThat(applications.count()).isEqualTo(before);
		String app = JsonPath.read(mvc.perform(json(post("/api/v1/applications/window-submissions").with(clerk),
				"{\"itemCode\":\"" + ITEM + "\",\"applicant\":{\"subject\":\"" + citizen + "\",\"name\":\"郑十\"}}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.channel").value("WINDOW"))
			.andExpect(jsonPath("$.submittedBy").value("clerk-zwfw"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		mvc.perform(get("/api/v1/applications/" + app).with(TestJwts.citizen(citizen)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.channel").value("WINDOW"));
		mvc.perform(get("/api/v1/applications/" + app).with(clerk)).andExpect(status().isForbidden());

		// the clerk scans the applicant's paper into the same application (no second paper run) ...
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart("/api/v1/applications/" + app + "/materials")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "scan.pdf", "application/pdf",
					"%PDF-1.4 scanned lease".getBytes()))
			.param("name", "租赁合同（窗口扫描）")
			.with(clerk))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.providedBy").value("窗口扫描"))
			.andExpect(jsonPath("$.addedBy").value("clerk-zwfw"));
		mvc.perform(get("/api/v1/applications/" + app).with(TestJwts.citizen(citizen)))
			.andExpect(jsonPath("$.materials[0].name").value("租赁合同（窗口扫描）"))
			.andExpect(jsonPath("$.visits").value(1));
		// ... but not into an application made online
		String online = JsonPath.read(mvc.perform(json(post("/api/v1/applications").with(TestJwts.citizen("lisi")),
				"{\"itemCode\":\"" + ITEM + "\"}")).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString(), "$.id");
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart("/api/v1/applications/" + online + "/materials")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "scan.pdf", "application/pdf",
					"%PDF-1.4 x".getBytes()))
			.param("name", "x")
			.with(clerk)).andExpect(status().isNotFound());
	}

	@Test
	void draftsAreSavedResumedAndSubmittedByTheirOwnerOnly() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> items.existsById(ITEM));
		String citizen = "draft-" + UUID.randomUUID();
		var me = TestJwts.citizen(citizen);
		String draft = JsonPath.read(mvc.perform(json(post("/api/v1/applications/drafts").with(me),
				"{\"itemCodes\":[]}")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
				"$.id");
		mvc.perform(post("/api/v1/applications/drafts/" + draft + "/submit").with(me))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("itemCodes"));
		mvc.perform(json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/applications/drafts/" + draft).with(me), "{\"itemCodes\":[\"" + ITEM + "\"]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.itemCodes[0]").value(ITEM));
		mvc.perform(get("/api/v1/applications/drafts/" + draft).with(TestJwts.citizen("lisi")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/applications/drafts/" + draft + "/submit").with(TestJwts.citizen("lisi")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/applications/drafts/" + draft + "/submit").with(me))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.cases[0].itemVersion").value(1));
		mvc.perform(get("/api/v1/applications/drafts/" + draft).with(me)).andExpect(status().isNotFound());
	}

}
