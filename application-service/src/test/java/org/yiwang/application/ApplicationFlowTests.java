package org.yiwang.application;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.application.application.Application;
import org.yiwang.application.application.Applications;
import org.yiwang.application.catalog.PublishedItems;
import org.yiwang.shared.contracts.CaseApproved;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.contracts.LicenseIssued;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The service's event contract on a real broker: consumes {@code catalog.ItemPublished} and
 * {@code license.LicenseIssued}, publishes {@code application.ApplicationSubmitted} and
 * {@code application.CaseApproved}; ownership and department scope enforced in the service.
 */
class ApplicationFlowTests extends ServiceTestSupport {

	// not the demo food permit (44030000SCJG-XK-0001): ThemePlanBindingTests publishes that one with its materials
	static final String ITEM = "44030000SCJG-XK-0011";

	@BeforeAll
	static void catalogPublishedAnItem() {
		EventProbe.send(Topics.CATALOG, envelope(ItemPublished.TYPE, ITEM, new ItemPublished(ITEM, 1, "食品经营许可",
				"SCJG", "市场监督管理局", 10, 20, "FOOD_BUSINESS", "食品经营许可证", 5)));
	}

	static EventEnvelope envelope(String type, String aggregateId, Object payload) {
		return new EventEnvelope(UUID.randomUUID().toString(), type, 1, Instant.now(), aggregateId, "test-corr",
				null, "test", EventCodec.toMap(payload));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Applications applications;

	@Autowired
	PublishedItems items;

	String submit(String citizen) throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> items.existsById(ITEM));
		String body = mvc
			.perform(post("/api/v1/applications").with(TestJwts.citizen(citizen))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"itemCode\":\"" + ITEM + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.cases[0].departmentCode").value("SCJG"))
			.andExpect(jsonPath("$.cases[0].itemVersion").value(1))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return com.jayway.jsonpath.JsonPath.read(body, "$.id");
	}

	@Test
	void submittedApplicationIsApprovedByItsDepartmentAndEmitsCaseApproved() throws Exception {
		try (EventProbe probe = EventProbe.on(Topics.APPLICATION)) {
			String applicationId = submit("zhangsan");
			probe.await(Application.ApplicationSubmitted.TYPE, e -> e.aggregateId().equals(applicationId));
			String caseId = applications.findById(applicationId).orElseThrow().getCases().get(0).getCaseId();

			mvc.perform(get("/api/v1/cases").with(TestJwts.officer("officer-scjg", "SCJG")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[?(@.caseId == '" + caseId + "')]").exists());
			mvc.perform(get("/api/v1/cases").with(TestJwts.officer("officer-wsjk", "WSJK")))
				.andExpect(jsonPath("$.items[?(@.caseId == '" + caseId + "')]").doesNotExist());

			mvc.perform(post("/api/v1/cases/" + caseId + "/approve").with(TestJwts.officer("officer-wsjk", "WSJK")))
				.andExpect(status().isNotFound());
			mvc.perform(post("/api/v1/cases/" + caseId + "/approve").with(TestJwts.officer("officer-scjg", "SCJG")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("APPROVED"));
			mvc.perform(post("/api/v1/cases/" + caseId + "/approve").with(TestJwts.officer("officer-scjg", "SCJG")))
				.andExpect(status().isConflict());

			CaseApproved approved = EventCodec.payload(
					probe.await(CaseApproved.TYPE, e -> e.aggregateId().equals(applicationId)), CaseApproved.class);
			assertThat(approved.caseId()).isEqualTo(caseId);
			assertThat(approved.applicantSubject()).isEqualTo("zhangsan");
			assertThat(approved.licenseType()).isEqualTo("FOOD_BUSINESS");
			assertThat(approved.decidedBy()).isEqualTo("officer-scjg");

			// license-service answers; the number shows on the applicant's case, once, however often it arrives
			EventEnvelope issued = envelope(LicenseIssued.TYPE, "L-1", new LicenseIssued("FOOD_BUSINESS-SCJG-2026-000001-X",
					"FOOD_BUSINESS", "zhangsan", caseId, applicationId, Instant.now()));
			EventProbe.send(Topics.LICENSE, issued);
			EventProbe.send(Topics.LICENSE, issued);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> applications.findById(applicationId).orElseThrow().caseOf(caseId).getLicenseNumber() != null);
			mvc.perform(get("/api/v1/applications/" + applicationId).with(TestJwts.citizen("zhangsan")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("CONCLUDED"))
				.andExpect(jsonPath("$.cases[0].licenseNumber").value("FOOD_BUSINESS-SCJG-2026-000001-X"))
				.andExpect(jsonPath("$.materials[0].source").value("E_LICENSE"))
				.andExpect(jsonPath("$.materials[0].reference").value("FOOD_BUSINESS-SCJG-2026-000001-X"))
				.andExpect(jsonPath("$.materials.length()").value(1));
		}
	}

	@Test
	void applicantsSeeOnlyTheirOwnApplications() throws Exception {
		String applicationId = submit("lisi");
		mvc.perform(get("/api/v1/applications/" + applicationId).with(TestJwts.citizen("zhangsan")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/applications").with(TestJwts.citizen("zhangsan")))
			.andExpect(jsonPath("$.items[?(@.id == '" + applicationId + "')]").doesNotExist());
		mvc.perform(get("/api/v1/applications").with(TestJwts.citizen("lisi")))
			.andExpect(jsonPath("$.items[?(@.id == '" + applicationId + "')]").exists());
		mvc.perform(get("/api/v1/applications/" + applicationId).with(TestJwts.officer("officer-scjg", "SCJG")))
			.andExpect(status().isForbidden());
	}

	@Test
	void unknownItemIsABadRequestNamingTheField() throws Exception {
		long before = applications.count();
		mvc.perform(post("/api/v1/applications").with(TestJwts.citizen("zhangsan"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemCode\":\"44030000SCJG-XK-9999\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("itemCode"));
		mvc.perform(post("/api/v1/applications").with(TestJwts.citizen("zhangsan"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("itemCode"));
		assertThat(applications.count()).isEqualTo(before);
	}

	@Test
	void twoOfficersDecidingTheSameVersionConflict() throws Exception {
		String applicationId = submit("zhangsan");
		Application first = applications.findById(applicationId).orElseThrow();
		Application second = applications.findById(applicationId).orElseThrow();
		String caseId = first.getCases().get(0).getCaseId();
		first.approve(caseId, new Application.Officer("officer-a", "SCJG"), Instant.now());
		second.deny(caseId, new Application.Officer("officer-b", "SCJG"), "材料不全", Instant.now());
		applications.save(first);
		assertThatThrownBy(() -> applications.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(applications.findById(applicationId).orElseThrow().caseOf(caseId).getDecidedBy())
			.isEqualTo("officer-a");
	}

	@Test
	void malformedCatalogEventIsDeadLetteredWithTheReason() {
		try (EventProbe dlt = EventProbe.on(Topics.deadLetter(Topics.CATALOG))) {
			String marker = "broken-" + UUID.randomUUID();
			EventProbe.send(Topics.CATALOG, marker, "{\"this is\": \"not an envelope\"}");
			var record = dlt.awaitRecord(r -> marker.equals(r.key()));
			var reason = record.headers().lastHeader("kafka_dlt-exception-message");
			assertThat(reason).isNotNull();
			assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("eventId");
		}
	}

}
