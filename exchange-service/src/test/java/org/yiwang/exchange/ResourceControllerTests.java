package org.yiwang.exchange;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.yiwang.exchange.resource.ResourceChanged;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ApplicationContext context;

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
	void theLicenceLibraryIsServedByLicenseServiceAsOneListOfLicences() throws Exception {
		mvc.perform(get("/api/v1/exchange/resources/LICENSE-LIBRARY").with(TestJwts.officer("officer-scjg", "SCJG")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subjectType").value("ENTERPRISE"))
			.andExpect(jsonPath("$.providerBaseUrl").value("http://127.0.0.1:8083/api/v1/licenses/library"))
			.andExpect(jsonPath("$.fields.length()").value(2))
			.andExpect(jsonPath("$.fields[0].name").value("licenses"))
			.andExpect(jsonPath("$.fields[0].label").value("证照列表"))
			.andExpect(jsonPath("$.fields[0].type").value("LIST"))
			.andExpect(jsonPath("$.fields[1].name").value("validLicenseCount"))
			.andExpect(jsonPath("$.fields[1].label").value("证照数量"))
			.andExpect(jsonPath("$.fields[1].type").value("NUMBER"))
			.andExpect(jsonPath("$.cacheTtl").value(0));
	}

	@Test
	void aSeededEntryFollowsTheNewFieldContractKeepingTheProvidersOwnTerms() throws Exception {
		// as stored by an earlier release: the old fields and the wrong provider URL; an admin changed the legal basis
		long revision = ((Number) mongo.findById("LICENSE-LIBRARY", Document.class, "data_resources").get("revision"))
			.longValue();
		mongo.updateFirst(Query.query(Criteria.where("_id").is("LICENSE-LIBRARY")), new Update()
			.set("fields", List.of(new Document("name", "licenseNumber").append("label", "证照编号")
				.append("type", "STRING")
				.append("sensitivity", "LOW")))
			.set("providerBaseUrl", "http://127.0.0.1:8084/api/v1/exchange-provider")
			.set("legalBasis", "《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》"), "data_resources");
		try (EventProbe probe = EventProbe.on(Topics.EXCHANGE)) {
			context.getBean("baseRegistryCatalogSeeder", ApplicationRunner.class).run(null);
			EventEnvelope updated = probe.await(ResourceChanged.UPDATED, e -> "LICENSE-LIBRARY".equals(e.aggregateId()));
			assertThat(updated.payload().get("fields")).asList().containsExactly("licenses", "validLicenseCount");
			assertThat(updated.payload().get("changedBy")).isEqualTo("system");
		}
		mvc.perform(get("/api/v1/exchange/resources/LICENSE-LIBRARY").with(TestJwts.officer("officer-scjg", "SCJG")))
			.andExpect(jsonPath("$.fields[0].name").value("licenses"))
			.andExpect(jsonPath("$.providerBaseUrl").value("http://127.0.0.1:8083/api/v1/licenses/library"))
			.andExpect(jsonPath("$.legalBasis").value("《国务院关于加快推进全国一体化在线政务服务平台建设的指导意见》"))
			.andExpect(jsonPath("$.revision").value(revision + 1));
		// up to date: a restart changes nothing
		context.getBean("baseRegistryCatalogSeeder", ApplicationRunner.class).run(null);
		mvc.perform(get("/api/v1/exchange/resources/LICENSE-LIBRARY").with(TestJwts.officer("officer-scjg", "SCJG")))
			.andExpect(jsonPath("$.revision").value(revision + 1));
	}

	@Test
	void aCacheAllowanceIsBoundedAndNeverForRealTimeOrPlatformHeldData() throws Exception {
		String cached = resource("SCJG-FOOD-CACHE", "SCJG", "PROVIDER_API", "http://127.0.0.1:9/food")
			.replace("\"servingMode\"", "\"cacheTtl\":600,\"servingMode\"");
		mvc.perform(post("/api/v1/exchange/resources").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(cached)).andExpect(status().isCreated()).andExpect(jsonPath("$.cacheTtl").value(600));
		for (String invalid : List.of(
				cached.replace("SCJG-FOOD-CACHE", "SCJG-FOOD-RT").replace("\"DAILY\"", "\"REAL_TIME\""),
				cached.replace("SCJG-FOOD-CACHE", "SCJG-FOOD-LONG").replace("600", "86401"),
				cached.replace("SCJG-FOOD-CACHE", "SCJG-FOOD-NEG").replace("600", "-1"),
				resource("SCJG-FOOD-REG", "SCJG", "BASE_REGISTRY", null).replace("\"servingMode\"",
						"\"cacheTtl\":60,\"servingMode\""))) {
			mvc.perform(post("/api/v1/exchange/resources").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(invalid))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("cacheTtl"));
		}
		mvc.perform(post("/api/v1/exchange/resources").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(cached.replace("SCJG-FOOD-CACHE", "SCJG-FOOD-RT").replace("\"DAILY\"", "\"REAL_TIME\"")))
			.andExpect(jsonPath("$.errors[0].rule").value("must be 0 when updateFrequency is REAL_TIME"));
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
					{"resourceCode":"GA-CRIMINAL-RECORD","fields":["operator"],"purposeCategories":["PUBLIC_SERVICE"],
					 "purpose":"核验","legalBasis":"无",
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
