package org.yiwang.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yiwang.application.application.Application;
import org.yiwang.application.application.Applications;
import org.yiwang.application.catalog.PublishedItems;
import org.yiwang.application.material.PeerStub;
import org.yiwang.shared.contracts.ApprovalOverturned;
import org.yiwang.shared.contracts.CaseApproved;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.contracts.ItemPublished.RequiredMaterial;
import org.yiwang.shared.contracts.LicenseIssued;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.mongo.PendingMarker;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Submit once (一次提交): an application's requirements are merged over its items, shared data is fetched from the
 * exchange with the platform's own token and the applicant's verified ID number (provenance recorded, the rest
 * asked for), a licence from the wallet answers an e-licence requirement under the applicant's grant, and the
 * licence an earlier case issues answers the later case's requirement by itself. The peers are a real local HTTP
 * server speaking their documented contracts.
 */
class OnceOnlyMaterialsTests extends ServiceTestSupport {

	static final String FOOD = "44030000SCJG-XK-0901";

	static final String FIRE = "44030000XFJY-XK-0902";

	static final String ID_NUMBER = "440305199003071236";

	static final RequestPostProcessor SCJG = TestJwts.officer("officer-scjg", "SCJG");

	static final RequestPostProcessor SCJG_ADMIN = TestJwts.deptAdmin("admin-scjg", "SCJG");

	@BeforeAll
	static void itemsWithMaterialSources() {
		EventProbe.send(Topics.CATALOG, envelope(ItemPublished.TYPE, FOOD, new ItemPublished(FOOD, 1, "食品经营许可（测试）",
				"SCJG", "市场监督管理局", 10, 20, "FOOD_BUSINESS_TEST", "食品经营许可证", 5,
				List.of(new RequiredMaterial("ID_CARD", "申请人身份证明", "SHARED_DATA", true, null, null, "GA-POPULATION"),
						new RequiredMaterial("PROPERTY_CERT", "经营场所产权证明", "SHARED_DATA", true, null, null,
								"ZJJ-PROPERTY"),
						new RequiredMaterial("BUSINESS_LICENSE", "营业执照", "E_LICENSE", true, null,
								"BUSINESS_LICENSE_TEST", null),
						new RequiredMaterial("FOOD_SAFETY_RULES", "食品安全管理制度", "UPLOAD", true, null, null, null)))));
		EventProbe.send(Topics.CATALOG, envelope(ItemPublished.TYPE, FIRE, new ItemPublished(FIRE, 1, "公众聚集场所投入使用前消防安全检查（测试）",
				"XFJY", "消防救援支队", 10, 10, null, null, 0,
				List.of(new RequiredMaterial("ID_CARD", "申请人身份证明", "SHARED_DATA", true, null, null, "GA-POPULATION"),
						new RequiredMaterial("FOOD_LICENSE", "食品经营许可证", "E_LICENSE", true, null, "FOOD_BUSINESS_TEST",
								null)))));
	}

	static EventEnvelope envelope(String type, String aggregateId, Object payload) {
		return new EventEnvelope(UUID.randomUUID().toString(), type, 1, Instant.now(), aggregateId, "test-corr", null,
				"test", EventCodec.toMap(payload));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PublishedItems items;

	@Autowired
	Applications applications;

	final PeerStub peers = PeerStub.get();

	@BeforeEach
	void catalogKnown() {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> items.findById(FOOD).map(i -> i.getMaterials().size() == 4).orElse(false)
					&& items.existsById(FIRE));
		peers.reset();
	}

	@AfterEach
	void resetPeers() {
		peers.reset();
	}

	void identityKnows(String subject) {
		peers.on("POST /api/v1/identity/subject-resolutions",
				call -> call.body().contains(subject) ? PeerStub.Answer.json("{\"subject\":\"" + subject
						+ "\",\"username\":\"zhangsan\",\"name\":\"张三\",\"idNumber\":\"" + ID_NUMBER
						+ "\",\"idNumberMasked\":\"4403**********1236\",\"assuranceLevel\":\"ID_VERIFIED\"}")
						: new PeerStub.Answer(404, "{\"status\":404}"));
	}

	static final String PREFILL_ANSWER = """
			{"applicationId":"%s","subjectMasked":"4403**********1236","consumerDepartment":"ZWFW","purpose":"x",
			 "items":[
			  {"resourceCode":"GA-POPULATION","resourceName":"人口基础信息","providerDepartment":"GA",
			   "providerDepartmentName":"公安局","status":"FILLED","fields":["name","address"],
			   "data":{"name":"张三","address":"广东省深圳市南山区科技园路1号"},"grantId":"GR-1",
			   "retrievedAt":"2026-11-25T09:00:00Z","accessRecordSeq":17,"detail":null},
			  {"resourceCode":"ZJJ-PROPERTY","resourceName":"不动产登记信息","providerDepartment":"ZJJ",
			   "providerDepartmentName":"住房和城乡建设局","status":"NO_GRANT","fields":[],"data":{},
			   "grantId":null,"retrievedAt":null,"accessRecordSeq":null,"detail":"no grant was requested"}]}
			""";

	String inbox(String citizen, String applicationId) throws Exception {
		return mvc.perform(get("/api/v1/notifications?size=100&applicationId=" + applicationId)
			.with(TestJwts.citizen(citizen))).andReturn().getResponse().getContentAsString();
	}

	String submitTheme(String citizen) throws Exception {
		String body = mvc
			.perform(post("/api/v1/applications").with(TestJwts.citizen(citizen))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"itemCodes\":[\"" + FOOD + "\",\"" + FIRE
						+ "\"],\"order\":[{\"before\":\"" + FOOD + "\",\"after\":\"" + FIRE + "\"}]}"))
			.andExpect(status().isCreated())
			// merged over the items: the ID card is ONE requirement for both departments
			.andExpect(jsonPath("$.requirements.length()").value(5))
			.andExpect(jsonPath("$.requirements[?(@.key == 'SHARED_DATA:GA-POPULATION')].itemCodes[1]").value(FIRE))
			.andExpect(jsonPath("$.requirements[?(@.key == 'E_LICENSE:FOOD_BUSINESS_TEST')].status")
				.value("AWAITING_LICENSE"))
			.andExpect(jsonPath("$.prefillStatus").value("PENDING"))
			.andExpect(jsonPath("$.visits").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	@Test
	@SuppressWarnings("unchecked")
	void sharedDataIsFetchedOnceWithProvenanceAndWhatCannotBeFetchedIsAskedFor() throws Exception {
		String citizen = "citizen-" + UUID.randomUUID();
		identityKnows(citizen);
		peers.on("POST /api/v1/exchange/prefill",
				call -> PeerStub.Answer.json(PREFILL_ANSWER.formatted(JsonPath.<String>read(call.body(), "$.applicationId"))));
		try (EventProbe probe = EventProbe.on(Topics.APPLICATION)) {
			String id = submitTheme(citizen);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> "DONE".equals(applications.findById(id).orElseThrow().getPrefill().status()));

			mvc.perform(get("/api/v1/applications/" + id).with(TestJwts.citizen(citizen)))
				.andExpect(jsonPath("$.prefillStatus").value("DONE"))
				.andExpect(jsonPath("$.requirements[?(@.key == 'SHARED_DATA:GA-POPULATION')].status").value("SATISFIED"))
				.andExpect(jsonPath("$.requirements[?(@.key == 'SHARED_DATA:ZJJ-PROPERTY')].status")
					.value("UPLOAD_NEEDED"))
				.andExpect(jsonPath("$.requirements[?(@.key == 'SHARED_DATA:ZJJ-PROPERTY')].note")
					.value("本平台暂无该数据的共享授权，请上传"))
				.andExpect(jsonPath("$.requirements[?(@.key == 'UPLOAD:FOOD_SAFETY_RULES')].status").value("OUTSTANDING"))
				.andExpect(jsonPath("$.materials[?(@.source == 'SHARED_DATA')].providedBy").value("公安局"))
				.andExpect(jsonPath("$.materials[?(@.source == 'SHARED_DATA')].reference")
					.value("exchange:access-record:17"))
				.andExpect(jsonPath("$.materials[?(@.source == 'SHARED_DATA')].data.name").value("张三"));

			// one call to the exchange, with the platform's own token and the applicant's verified ID number,
			// bound to this application
			List<PeerStub.Call> prefills = peers.calls("/api/v1/exchange/prefill");
			assertThat(prefills).hasSize(1);
			assertThat(prefills.get(0).authorization()).isEqualTo("Bearer " + peers.lastToken());
			Map<String, Object> request = JsonPath.read(prefills.get(0).body(), "$");
			assertThat(request).containsEntry("applicationId", id).containsEntry("subject", ID_NUMBER);
			assertThat((List<Object>) request.get("resourceCodes")).containsExactly("GA-POPULATION", "ZJJ-PROPERTY");
			assertThat((String) request.get("purpose")).contains(id).contains("食品经营许可（测试）");
			assertThat(peers.calls("/api/v1/identity/subject-resolutions").get(0).authorization())
				.startsWith("Bearer svc-application-token-");

			EventEnvelope prefilled = probe.await("application.MaterialsPrefilled", e -> e.aggregateId().equals(id));
			assertThat(prefilled.payload().toString()).contains("公安局").contains("经营场所产权证明").doesNotContain("张三");
			// the applicant is told what was fetched from whom, and what to upload
			await().atMost(Duration.ofSeconds(20)).until(() -> inbox(citizen, id).contains("已由公安局共享提供：申请人身份证明"));
		}

		String id = applications.findMine(citizen, List.of(), org.springframework.data.domain.PageRequest.of(0, 1))
			.getContent()
			.get(0)
			.getId();
		// the upload that answers the shared data that could not be fetched
		mvc.perform(multipart("/api/v1/applications/" + id + "/materials")
			.file(new MockMultipartFile("file", "property.pdf", "application/pdf", "%PDF-1.4 property".getBytes()))
			.param("name", "经营场所产权证明")
			.param("requirementKey", "SHARED_DATA:ZJJ-PROPERTY")
			.with(TestJwts.citizen(citizen))).andExpect(status().isCreated());
		// but not a second time, nor for something that is fetched or unknown
		mvc.perform(multipart("/api/v1/applications/" + id + "/materials")
			.file(new MockMultipartFile("file", "id.pdf", "application/pdf", "%PDF-1.4 id".getBytes()))
			.param("name", "身份证")
			.param("requirementKey", "SHARED_DATA:GA-POPULATION")
			.with(TestJwts.citizen(citizen)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("requirementKey"));
		mvc.perform(multipart("/api/v1/applications/" + id + "/materials")
			.file(new MockMultipartFile("file", "x.pdf", "application/pdf", "%PDF-1.4 x".getBytes()))
			.param("name", "x")
			.param("requirementKey", "UPLOAD:NO_SUCH")
			.with(TestJwts.citizen(citizen)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("requirementKey"));

		// the department of a case sees the fetched data with its provenance
		String foodCase = applications.findById(id).orElseThrow().getCases().get(0).getCaseId();
		mvc.perform(get("/api/v1/cases/" + foodCase + "/materials").with(SCJG))
			.andExpect(jsonPath("$[?(@.source == 'SHARED_DATA')].providedBy").value("公安局"));

		// the food licence issued for the first case answers the fire-safety case's requirement by itself
		mvc.perform(post("/api/v1/cases/" + foodCase + "/approve").with(SCJG)).andExpect(status().isOk());
		EventProbe.send(Topics.LICENSE, envelope(LicenseIssued.TYPE, "LIC-TEST-" + foodCase,
				new LicenseIssued("LIC-TEST-" + foodCase, "FOOD_BUSINESS_TEST", citizen, foodCase, id, Instant.now())));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> applications.findById(id)
				.orElseThrow()
				.getRequirements()
				.stream()
				.anyMatch(r -> r.key().equals("E_LICENSE:FOOD_BUSINESS_TEST") && r.status().equals("SATISFIED")
						&& ("MAT-LIC-" + foodCase).equals(r.materialId())));
	}

	@Test
	void anExchangeThatIsDownIsAskedAgainUntilItAnswers() throws Exception {
		String citizen = "citizen-" + UUID.randomUUID();
		identityKnows(citizen);
		AtomicInteger calls = new AtomicInteger();
		peers.on("POST /api/v1/exchange/prefill", call -> calls.incrementAndGet() <= 2
				? new PeerStub.Answer(503, "{\"status\":503,\"type\":\"provider-unavailable\"}")
				: PeerStub.Answer.json(PREFILL_ANSWER.formatted(JsonPath.<String>read(call.body(), "$.applicationId"))));
		String id = submitTheme(citizen);
		// while it waits, the application carries the marker of its next attempt (the sweep's sparse unique index)
		await().atMost(Duration.ofSeconds(30)).until(() -> applications.findById(id).orElseThrow().getPrefill().attempts() >= 1
				|| "DONE".equals(applications.findById(id).orElseThrow().getPrefill().status()));
		Application waiting = applications.findById(id).orElseThrow();
		if ("PENDING".equals(waiting.getPrefill().status())) {
			assertThat(waiting.getPrefillDue()).isEqualTo(PendingMarker.due(waiting.getPrefill().nextAttemptAt(), id));
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "DONE".equals(applications.findById(id).orElseThrow().getPrefill().status()));
		assertThat(calls.get()).isEqualTo(3);
		assertThat(applications.findById(id).orElseThrow().getPrefill().attempts()).isEqualTo(3);
		assertThat(prefillMarker(id)).as("done: out of the sweep's index").isNull();

		// an attempt lost with a stopped replica (nothing scheduled here): the sweep finds it by its marker
		Instant past = Instant.now().minus(Duration.ofMinutes(3));
		mongo.updateFirst(new Query(Criteria.where("_id").is(id)),
				new Update().set("prefill.status", "PENDING")
					.set("prefill.nextAttemptAt", past)
					.unset("prefill.leaseUntil")
					.set("prefillDue", PendingMarker.due(past, id)),
				Application.class);
		prefiller.poll();
		assertThat(applications.findById(id).orElseThrow().getPrefill().status()).isEqualTo("DONE");
		assertThat(applications.findById(id).orElseThrow().getPrefill().attempts()).isEqualTo(4);
		assertThat(prefillMarker(id)).isNull();
		assertThat(applications.findById(id).orElseThrow().getMaterials())
			.anySatisfy(m -> assertThat(m.providedBy()).isEqualTo("公安局"));
	}

	@Autowired
	MongoTemplate mongo;

	@Autowired
	org.yiwang.application.material.SharedDataPrefiller prefiller;

	String prefillMarker(String applicationId) {
		return mongo.findById(applicationId, org.bson.Document.class, "applications").getString("prefillDue");
	}

	@Test
	void whenTheExchangeStaysDownTheApplicantIsAskedToUploadAfterTheLastAttempt() throws Exception {
		String citizen = "citizen-" + UUID.randomUUID();
		identityKnows(citizen);
		peers.on("POST /api/v1/exchange/prefill", call -> new PeerStub.Answer(503, "{\"status\":503}"));
		String id = submitTheme(citizen);
		await().atMost(Duration.ofSeconds(40))
			.until(() -> "GAVE_UP".equals(applications.findById(id).orElseThrow().getPrefill().status()));
		assertThat(peers.calls("/api/v1/exchange/prefill")).hasSize(4);
		assertThat(applications.findById(id).orElseThrow().getRequirements())
			.filteredOn(r -> r.source().equals("SHARED_DATA"))
			.allSatisfy(r -> assertThat(r.status()).isEqualTo("UPLOAD_NEEDED"));
	}

	@Test
	void aLicenceFromTheWalletAnswersAnELicenceRequirementUnderTheApplicantsGrant() throws Exception {
		String citizen = "citizen-" + UUID.randomUUID();
		identityKnows(citizen);
		peers.on("POST /api/v1/exchange/prefill",
				call -> PeerStub.Answer.json(PREFILL_ANSWER.formatted(JsonPath.<String>read(call.body(), "$.applicationId"))));
		peers.on("GET /api/v1/licenses/LIC-BIZ-OK", call -> PeerStub.Answer.json("""
				{"number":"LIC-BIZ-OK","type":"BUSINESS_LICENSE_TEST","typeName":"营业执照","holderName":"张三",
				 "issuingDepartment":"市场监督管理局","validUntil":"2030-01-01","status":"VALID"}"""));
		peers.on("GET /api/v1/licenses/LIC-FOOD", call -> PeerStub.Answer.json("""
				{"number":"LIC-FOOD","type":"FOOD_BUSINESS_TEST","typeName":"食品经营许可证","holderName":"张三",
				 "issuingDepartment":"市场监督管理局","validUntil":"2030-01-01","status":"VALID"}"""));
		peers.on("GET /api/v1/licenses/LIC-BIZ-REVOKED", call -> PeerStub.Answer.json("""
				{"number":"LIC-BIZ-REVOKED","type":"BUSINESS_LICENSE_TEST","typeName":"营业执照","holderName":"张三",
				 "issuingDepartment":"市场监督管理局","validUntil":"2030-01-01","status":"REVOKED"}"""));
		peers.on("POST /api/v1/licenses/LIC-BIZ-OK/grants", call -> new PeerStub.Answer(201, "{\"id\":\"LG-42\"}"));
		String id = submitTheme(citizen);
		String key = "E_LICENSE:BUSINESS_LICENSE_TEST";

		for (String bad : List.of("LIC-NOT-MINE", "LIC-FOOD", "LIC-BIZ-REVOKED")) {
			mvc.perform(post("/api/v1/applications/" + id + "/materials/e-licenses").with(TestJwts.citizen(citizen))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"requirementKey\":\"" + key + "\",\"licenseNumber\":\"" + bad + "\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("licenseNumber"));
		}
		// an upload requirement is not answered from the wallet; nor someone else's application
		mvc.perform(post("/api/v1/applications/" + id + "/materials/e-licenses").with(TestJwts.citizen(citizen))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"requirementKey\":\"UPLOAD:FOOD_SAFETY_RULES\",\"licenseNumber\":\"LIC-BIZ-OK\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("requirementKey"));
		mvc.perform(post("/api/v1/applications/" + id + "/materials/e-licenses").with(TestJwts.citizen("someone-else"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"requirementKey\":\"" + key + "\",\"licenseNumber\":\"LIC-BIZ-OK\"}"))
			.andExpect(status().isNotFound());
		assertThat(peers.calls("/api/v1/licenses/LIC-BIZ-OK/grants")).isEmpty();

		mvc.perform(post("/api/v1/applications/" + id + "/materials/e-licenses").with(TestJwts.citizen(citizen))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"requirementKey\":\"" + key + "\",\"licenseNumber\":\"LIC-BIZ-OK\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.source").value("E_LICENSE"))
			.andExpect(jsonPath("$.providedBy").value("市场监督管理局"))
			.andExpect(jsonPath("$.data.grantId").value("LG-42"));
		// the grant was made with the applicant's own token, to this application
		PeerStub.Call grant = peers.calls("/api/v1/licenses/LIC-BIZ-OK/grants").get(0);
		assertThat(grant.authorization()).startsWith("Bearer ").doesNotContain("svc-application");
		assertThat(grant.body()).contains("\"granteeType\":\"APPLICATION\"").contains(id);
		mvc.perform(get("/api/v1/applications/" + id).with(TestJwts.citizen(citizen)))
			.andExpect(jsonPath("$.requirements[?(@.key == '" + key + "')].status").value("SATISFIED"));
		// answered once: a second licence for it is a conflict
		mvc.perform(post("/api/v1/applications/" + id + "/materials/e-licenses").with(TestJwts.citizen(citizen))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"requirementKey\":\"" + key + "\",\"licenseNumber\":\"LIC-BIZ-OK\"}"))
			.andExpect(status().isConflict());
	}

	@Test
	void licenceServiceDownIsA503NotA500() throws Exception {
		String citizen = "citizen-" + UUID.randomUUID();
		identityKnows(citizen);
		peers.on("GET /api/v1/licenses/", call -> new PeerStub.Answer(502, "{}"));
		String id = submitTheme(citizen);
		mvc.perform(post("/api/v1/applications/" + id + "/materials/e-licenses").with(TestJwts.citizen(citizen))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"requirementKey\":\"E_LICENSE:BUSINESS_LICENSE_TEST\",\"licenseNumber\":\"LIC-1\"}"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("peer-unavailable")));
	}

	@Test
	void anApprovalCarriesTheLicenceDataAndCanBeOverturnedByTheDepartmentsLeadership() throws Exception {
		String citizen = "citizen-" + UUID.randomUUID();
		identityKnows(citizen);
		peers.on("POST /api/v1/exchange/prefill",
				call -> PeerStub.Answer.json(PREFILL_ANSWER.formatted(JsonPath.<String>read(call.body(), "$.applicationId"))));
		String id = submitTheme(citizen);
		String foodCase = applications.findById(id).orElseThrow().getCases().get(0).getCaseId();

		mvc.perform(post("/api/v1/cases/" + foodCase + "/approve").with(SCJG)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"licenseData\":{\"Business Scope\":\"热食类食品制售\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("licenseData"));
		try (EventProbe probe = EventProbe.on(Topics.APPLICATION)) {
			mvc.perform(post("/api/v1/cases/" + foodCase + "/approve").with(SCJG)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"licenseData\":{\"businessScope\":\"热食类食品制售\",\"premisesAddress\":\"深圳市南山区科技园路1号101\","
						+ "\"seatCount\":\"48\"}}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.licenseData.seatCount").value("48"));
			CaseApproved approved = EventCodec.payload(
					probe.await(CaseApproved.TYPE, e -> e.payload().get("caseId").equals(foodCase)), CaseApproved.class);
			assertThat(approved.licenseData()).containsEntry("businessScope", "热食类食品制售").hasSize(3);
			assertThat(approved.enterpriseHolder()).isFalse();

			String overturn = "{\"reason\":\"以欺骗手段取得许可\",\"legalBasis\":\"《中华人民共和国行政许可法》第六十九条第二款\"}";
			// an officer alone may not set an approval aside
			mvc.perform(post("/api/v1/cases/" + foodCase + "/overturn").with(SCJG)
				.contentType(MediaType.APPLICATION_JSON)
				.content(overturn)).andExpect(status().isForbidden());
			mvc.perform(post("/api/v1/cases/" + foodCase + "/overturn").with(SCJG_ADMIN)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"x\"}")).andExpect(status().isBadRequest());
			mvc.perform(post("/api/v1/cases/" + foodCase + "/overturn").with(SCJG_ADMIN)
				.contentType(MediaType.APPLICATION_JSON)
				.content(overturn)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("OVERTURNED"));
			ApprovalOverturned event = EventCodec.payload(
					probe.await(ApprovalOverturned.TYPE, e -> e.aggregateId().equals(id)), ApprovalOverturned.class);
			assertThat(event.caseId()).isEqualTo(foodCase);
			assertThat(event.legalBasis()).contains("第六十九条");
			mvc.perform(post("/api/v1/cases/" + foodCase + "/overturn").with(SCJG_ADMIN)
				.contentType(MediaType.APPLICATION_JSON)
				.content(overturn)).andExpect(status().isConflict());
		}
		mvc.perform(get("/api/v1/applications/" + id).with(TestJwts.citizen(citizen)))
			.andExpect(jsonPath("$.cases[0].status").value("OVERTURNED"))
			.andExpect(jsonPath("$.cases[0].overturn.reason").value("以欺骗手段取得许可"));
		await().atMost(Duration.ofSeconds(20)).until(() -> inbox(citizen, id).contains("APPROVAL_OVERTURNED"));
	}

}
