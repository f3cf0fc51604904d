package org.yiwang.exchange;

import org.junit.jupiter.api.Test;
import org.yiwang.exchange.resource.ResourceChanged;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The catalog: staff read it; only the provider department's admin publishes and changes its entries. */
@SpringBootTest
@AutoConfigureMockMvc
class ResourceControllerTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "exchange-resources-test");
	}

	@Autowired
	MockMvc mvc;

	static String resource(String code, String department, String servingMode, String url) {
		return """
				{"code":"%s","name":"食品经营许可信息","providerDepartment":"%s","subjectType":"ENTERPRISE",
				 "sharingType":"CONDITIONAL","legalBasis":"《食品安全法》","updateFrequency":"DAILY",
				 "servingMode":"%s"%s,
				 "fields":[{"name":"permitNumber","label":"许可证编号","sensitivity":"LOW"},
				           {"name":"operator","label":"经营者","sensitivity":"MEDIUM"}]}
				""".formatted(code, department, servingMode, url == null ? "" : ",\"providerBaseUrl\":\"" + url + "\"");
	}

	@Test
	void officersSeeTheBaseRegistries() throws Exception {
		mvc.perform(get("/api/v1/exchange/resources?provider=GA").with(TestJwts.officer("officer-scjg", "SCJG")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].code").value("GA-POPULATION"))
			.andExpect(jsonPath("$.items[0].sharingType").value("CONDITIONAL"))
			.andExpect(jsonPath("$.items[0].servingMode").value("BASE_REGISTRY"))
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/exchange/resources/LICENSE-LIBRARY").with(TestJwts.officer("officer-scjg", "SCJG")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.servingMode").value("PROVIDER_API"));
	}

	@Test
	void citizensDoNot() throws Exception {
		mvc.perform(get("/api/v1/exchange/resources").with(TestJwts.citizen("zhangsan")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
	}

	@Test
	void providerAdminPublishesAndUpdatesWithEvents() throws Exception {
		try (EventProbe probe = EventProbe.on(Topics.EXCHANGE)) {
			mvc.perform(post("/api/v1/exchange/resources").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(resource("SCJG-FOOD-PERMIT", "SCJG", "PROVIDER_API", "http://127.0.0.1:9/food")))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.revision").value(0))
				.andExpect(jsonPath("$.providerDepartmentName").value("市场监督管理局"));
			EventEnvelope published = probe.await(ResourceChanged.PUBLISHED,
					e -> "SCJG-FOOD-PERMIT".equals(e.aggregateId()));
			assertThat(published.payload().get("servingMode")).isEqualTo("PROVIDER_API");

			String update = resource("SCJG-FOOD-PERMIT", "SCJG", "BASE_REGISTRY", null).replaceFirst("\\{",
					"{\"revision\":0,");
			mvc.perform(put("/api/v1/exchange/resources/SCJG-FOOD-PERMIT").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(update)).andExpect(status().isOk()).andExpect(jsonPath("$.revision").value(1));
			probe.await(ResourceChanged.UPDATED, e -> "SCJG-FOOD-PERMIT".equals(e.aggregateId()));

			// the same stale revision again: someone else's change must not be overwritten
			mvc.perform(put("/api/v1/exchange/resources/SCJG-FOOD-PERMIT").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(update)).andExpect(status().isConflict()).andExpect(jsonPath("$.errors[0].field").value("revision"));
		}
	}

	@Test
	void aResourceThatIsNotSharedCannotBeRequested() throws Exception {
		mvc.perform(post("/api/v1/exchange/resources").with(TestJwts.deptAdmin("admin-ga", "GA"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(resource("GA-CRIMINAL-RECORD", "GA", "BASE_REGISTRY", null).replace("CONDITIONAL", "NOT_SHARED")))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/v1/exchange/grants").with(TestJwts.deptAdmin("admin-wsjk", "WSJK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"resourceCode":"GA-CRIMINAL-RECORD","fields":["operator"],"purpose":"核验","legalBasis":"无",
					 "durationDays":30}
					"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("resourceCode"))
			.andExpect(jsonPath("$.errors[0].rule").value("must be a shared resource"));
	}

	@Test
	void anotherDepartmentCannotPublishForTheProvider() throws Exception {
		mvc.perform(post("/api/v1/exchange/resources").with(TestJwts.deptAdmin("admin-wsjk", "WSJK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(resource("SCJG-OTHER", "SCJG", "BASE_REGISTRY", null))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/exchange/resources").with(TestJwts.officer("officer-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(resource("SCJG-OTHER", "SCJG", "BASE_REGISTRY", null))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/exchange/resources/SCJG-OTHER").with(TestJwts.officer("officer-scjg", "SCJG")))
			.andExpect(status().isNotFound());
	}

	@Test
	void invalidEntriesAreRejectedNamingTheField() throws Exception {
		mvc.perform(post("/api/v1/exchange/resources").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(resource("SCJG-NO-URL", "SCJG", "PROVIDER_API", null)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("providerBaseUrl"));
		mvc.perform(post("/api/v1/exchange/resources").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(resource("SCJG-DUP", "SCJG", "BASE_REGISTRY", null).replace("\"operator\"", "\"permitNumber\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("fields[1].name"));
		mvc.perform(post("/api/v1/exchange/resources").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(resource("SCJG-NO-TYPE", "SCJG", "BASE_REGISTRY", null).replace("\"sharingType\":\"CONDITIONAL\",", "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sharingType"));
		mvc.perform(post("/api/v1/exchange/resources").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(resource("bad code", "SCJG", "BASE_REGISTRY", null)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
		mvc.perform(post("/api/v1/exchange/resources").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(resource("SCJG-BAD-TYPE", "SCJG", "BASE_REGISTRY", null).replace("\"label\":\"经营者\"",
					"\"label\":\"经营者\",\"type\":\"BLOB\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("fields[1].type"));
		mvc.perform(post("/api/v1/exchange/resources").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(resource("SCJG-NO-DEPT", "XYZ", "BASE_REGISTRY", null).replace("admin", "admin")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("providerDepartment"));
		mvc.perform(get("/api/v1/exchange/resources/SCJG-NO-URL").with(TestJwts.officer("officer-scjg", "SCJG")))
			.andExpect(status().isNotFound());
	}

}
