package org.yiwang.application;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.application.application.Applications;
import org.yiwang.application.catalog.PublishedItems;
import org.yiwang.application.material.PeerStub;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Channel 部门业务系统: a department's own system hands in an application it took in, for a person identity-service
 * knows, for its own department's items only, idempotently; the applicant then owns and follows it online.
 */
class DepartmentSystemIntakeTests extends ServiceTestSupport {

	static final String SCJG_ITEM = "44030000SCJG-XK-0931";

	static final String WSJK_ITEM = "44030000WSJK-XK-0932";

	static final RequestPostProcessor SCJG_SYSTEM = TestJwts.user("service-account-dept-scjg-system", "SCJG",
			"dept-system");

	@BeforeAll
	static void itemsPublished() {
		publish(new ItemPublished(SCJG_ITEM, 1, "个体工商户登记（测试）", "SCJG", "市场监督管理局", 3, 15, null, null, 0));
		publish(new ItemPublished(WSJK_ITEM, 1, "公共场所卫生许可（测试）", "WSJK", "卫生健康委员会", 10, 20, null, null, 0));
	}

	static void publish(ItemPublished item) {
		EventProbe.send(Topics.CATALOG, new EventEnvelope(UUID.randomUUID().toString(), ItemPublished.TYPE, 1,
				Instant.now(), item.itemCode(), "test-corr", null, "test", EventCodec.toMap(item)));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PublishedItems items;

	@Autowired
	Applications applications;

	@AfterEach
	void reset() {
		PeerStub.get().reset();
	}

	@Test
	void aDepartmentSystemHandsInAnApplicationOnceForItsOwnItemsOnly() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> items.existsById(SCJG_ITEM) && items.existsById(WSJK_ITEM));
		String citizen = "sys-applicant-" + UUID.randomUUID();
		PeerStub.get()
			.on("POST /api/v1/identity/subject-resolutions", call -> call.body().contains(citizen)
					? PeerStub.Answer.json("{\"subject\":\"" + citizen + "\",\"name\":\"赵六\",\"idNumber\":\"110101200101094565\"}")
					: new PeerStub.Answer(404, "{}"));
		String body = "{\"itemCode\":\"" + SCJG_ITEM + "\",\"applicant\":{\"subject\":\"" + citizen + "\",\"name\":\"赵六\"}}";
		long before = applications.count();

		String first = mvc
			.perform(post("/api/v1/applications/system-submissions").with(SCJG_SYSTEM)
				.header("Idempotency-Key", "intake-" + citizen)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.channel").value("DEPARTMENT_SYSTEM"))
			.andExpect(jsonPath("$.submittedBy").value("service-account-dept-scjg-system"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the retry after a timeout: the same application, not a second one
		String again = mvc
			.perform(post("/api/v1/applications/system-submissions").with(SCJG_SYSTEM)
				.header("Idempotency-Key", "intake-" + citizen)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(first, "$.id");
		assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(id);
		assertThat(applications.count()).isEqualTo(before + 1);
		mvc.perform(get("/api/v1/applications/" + id).with(TestJwts.citizen(citizen)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.channel").value("DEPARTMENT_SYSTEM"))
			.andExpect(jsonPath("$.visits").value(0));

		// another department's item, an unknown person, no applicant: 400, nothing stored
		mvc.perform(post("/api/v1/applications/system-submissions").with(SCJG_SYSTEM)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.replace(SCJG_ITEM, WSJK_ITEM)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("itemCode"));
		mvc.perform(post("/api/v1/applications/system-submissions").with(SCJG_SYSTEM)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.replace(citizen, "nobody")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("applicant.subject"));
		mvc.perform(post("/api/v1/applications/system-submissions").with(SCJG_SYSTEM)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemCode\":\"" + SCJG_ITEM + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("applicant"));
		assertThat(applications.count()).isEqualTo(before + 1);

		// only department systems use this channel
		mvc.perform(post("/api/v1/applications/system-submissions").with(TestJwts.citizen(citizen))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/applications/system-submissions").with(TestJwts.officer("officer-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
	}

}
