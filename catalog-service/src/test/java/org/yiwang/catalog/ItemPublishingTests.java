package org.yiwang.catalog;

import org.junit.jupiter.api.Test;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Drafting and publishing through the REST API, with the {@code catalog.ItemPublished} event checked on the real
 * broker (the relay publishes it from the item's outbox).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ItemPublishingTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "catalog-publishing-test");
	}

	@Autowired
	MockMvc mvc;

	static JwtRequestPostProcessor deptAdmin(String department) {
		return TestJwts.deptAdmin("admin-" + department, department);
	}

	static String item(String code, String department) {
		return """
				{"itemCode":"%s","name":"食品经营许可（测试）","type":"PERMIT","departmentCode":"%s",
				 "departmentName":"市场监督管理局","legalBasis":"《食品安全法》第三十五条","legalDays":20,
				 "promisedDays":10,"licenseType":"FOOD_BUSINESS","licenseName":"食品经营许可证","licenseValidityYears":5}
				""".formatted(code, department);
	}

	@Test
	void publishingADraftEmitsItemPublishedAndMakesItPublic() throws Exception {
		try (EventProbe probe = EventProbe.on(Topics.CATALOG)) {
			mvc.perform(post("/api/v1/catalog/items").with(deptAdmin("SCJG"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(item("44030000SCJG-XK-0901", "SCJG"))).andExpect(status().isCreated())
				.andExpect(jsonPath("$.status").value("DRAFT"));

			mvc.perform(get("/api/v1/catalog/items/44030000SCJG-XK-0901")).andExpect(status().isNotFound());

			mvc.perform(post("/api/v1/catalog/items/44030000SCJG-XK-0901/publish").with(deptAdmin("SCJG")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("PUBLISHED"));

			mvc.perform(get("/api/v1/catalog/items/44030000SCJG-XK-0901")).andExpect(status().isOk())
				.andExpect(jsonPath("$.version").value(1))
				.andExpect(jsonPath("$.licenseType").value("FOOD_BUSINESS"))
				.andExpect(jsonPath("$.basicCode").value("SCJG-XK-0901"));

			EventEnvelope event = probe.await(ItemPublished.TYPE,
					e -> e.aggregateId().equals("44030000SCJG-XK-0901"));
			ItemPublished published = EventCodec.payload(event, ItemPublished.class);
			assertThat(published.itemVersion()).isEqualTo(1);
			assertThat(published.departmentCode()).isEqualTo("SCJG");
			assertThat(published.promisedDays()).isEqualTo(10);
			assertThat(event.producer()).isEqualTo("catalog-service");
		}
	}

	@Test
	void publishedVersionCannotBePublishedAgain() throws Exception {
		mvc.perform(post("/api/v1/catalog/items").with(deptAdmin("SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(item("44030000SCJG-XK-0902", "SCJG"))).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/catalog/items/44030000SCJG-XK-0902/publish").with(deptAdmin("SCJG")))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/catalog/items/44030000SCJG-XK-0902/publish").with(deptAdmin("SCJG")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	@Test
	void rejectsAdminOfAnotherDepartment() throws Exception {
		mvc.perform(post("/api/v1/catalog/items").with(deptAdmin("WSJK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(item("44030000SCJG-XK-0903", "SCJG"))).andExpect(status().isForbidden());
	}

	@Test
	void rejectsCitizenAndAnonymousEdits() throws Exception {
		mvc.perform(post("/api/v1/catalog/items")
			.with(TestJwts.citizen("zhangsan"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(item("44030000SCJG-XK-0904", "SCJG"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/catalog/items").contentType(MediaType.APPLICATION_JSON)
			.content(item("44030000SCJG-XK-0904", "SCJG")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void badInputIsAProblemNamingTheFieldAndNothingIsStored() throws Exception {
		mvc.perform(post("/api/v1/catalog/items").with(deptAdmin("SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(item("NOT-A-CODE", "SCJG")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("itemCode"));

		String promisedOverLegal = item("44030000SCJG-XK-0905", "SCJG").replace("\"promisedDays\":10",
				"\"promisedDays\":30");
		mvc.perform(post("/api/v1/catalog/items").with(deptAdmin("SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(promisedOverLegal))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("promisedDays"));
		mvc.perform(post("/api/v1/catalog/items").with(deptAdmin("SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemCode\": 12, "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://yiwang.dev/problems/validation"));
		mvc.perform(post("/api/v1/catalog/items/44030000SCJG-XK-0905/publish").with(deptAdmin("SCJG")))
			.andExpect(status().isNotFound());
	}

}
