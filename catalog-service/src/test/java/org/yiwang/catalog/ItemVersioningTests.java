package org.yiwang.catalog;

import org.junit.jupiter.api.Test;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.contracts.ItemRetired;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The full item model through the REST API: elements to the national standard, versioning (published versions are
 * immutable, edits make new versions), retirement with {@code catalog.ItemRetired} on the real broker, hierarchy,
 * unique codes and who may do what.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ItemVersioningTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "catalog-versioning-test");
	}

	@Autowired
	MockMvc mvc;

	static JwtRequestPostProcessor scjgAdmin() {
		return TestJwts.deptAdmin("admin-scjg", "SCJG");
	}

	static String fullItem(String code, int onlineDepth) {
		return """
				{"itemCode":"%s","name":"小餐饮店登记（测试）","type":"PERMIT","level":"HANDLING",
				 "departmentCode":"SCJG","departmentName":"市场监督管理局","implementingBody":"福田市场监督管理所",
				 "legalBasis":"《食品安全法》第三十六条","legalDays":20,"promisedDays":5,
				 "fees":[],"visits":0,"onlineDepth":%d,"channels":["ONLINE","WINDOW"],"subjects":["LEGAL_PERSON"],
				 "preconditions":["已取得营业执照"],"steps":["申请","受理","审查","决定"],
				 "locations":[{"name":"市民中心","address":"福中三路","hours":"工作日 9:00-18:00"}],
				 "contacts":{"consultation":"12345","complaint":"12345"},
				 "materials":[
				   {"code":"BUSINESS_LICENSE","name":"营业执照","form":"ELECTRONIC","count":1,"required":true,
				    "source":"E_LICENSE","licenseType":"BUSINESS_LICENSE"},
				   {"code":"LEGAL_REP_ID","name":"经营者身份证明","form":"ELECTRONIC","count":1,"required":true,
				    "source":"SHARED_DATA","dataResource":"GA-POPULATION"},
				   {"code":"LEASE","name":"租赁合同","form":"COPY","count":1,"required":false,"condition":"场所为租赁的",
				    "source":"UPLOAD"}],
				 "licenseType":"SMALL_CATERING","licenseName":"小餐饮登记证","licenseValidityYears":3,
				 "lifeEvents":["QUALIFICATION"],"aliases":["小餐饮"],"keywords":["小吃店"]}
				""".formatted(code, onlineDepth);
	}

	@Test
	void publishedVersionsAreImmutableAndEditsMakeNewVersions() throws Exception {
		String code = "44030000SCJG-XK-0701";
		mvc.perform(post("/api/v1/catalog/items").with(scjgAdmin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(fullItem(code, 4)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.materials[2].condition").value("场所为租赁的"))
			.andExpect(jsonPath("$.regionCode").value("44030000"));
		// a draft may be revised
		mvc.perform(put("/api/v1/catalog/items/" + code + "/versions/1").with(scjgAdmin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(fullItem(code, 3))).andExpect(status().isOk()).andExpect(jsonPath("$.onlineDepth").value(3));
		mvc.perform(post("/api/v1/catalog/items/" + code + "/publish").with(scjgAdmin())).andExpect(status().isOk());

		// the published version is immutable
		mvc.perform(put("/api/v1/catalog/items/" + code + "/versions/1").with(scjgAdmin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(fullItem(code, 4)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		// the same code cannot be created twice
		mvc.perform(post("/api/v1/catalog/items").with(scjgAdmin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(fullItem(code, 4)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("itemCode"));

		// a new version is a draft copy; the public still sees v1
		mvc.perform(post("/api/v1/catalog/items/" + code + "/versions").with(scjgAdmin()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.status").value("DRAFT"));
		mvc.perform(post("/api/v1/catalog/items/" + code + "/versions").with(scjgAdmin()))
			.andExpect(status().isConflict());
		mvc.perform(put("/api/v1/catalog/items/" + code + "/versions/2").with(scjgAdmin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(fullItem(code, 4))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/catalog/items/" + code)).andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.onlineDepth").value(3));
		mvc.perform(get("/api/v1/catalog/items/" + code + "/versions")).andExpect(jsonPath("$.length()").value(1));
		mvc.perform(get("/api/v1/catalog/items/" + code + "/versions").with(scjgAdmin()))
			.andExpect(jsonPath("$.length()").value(2));

		try (EventProbe probe = EventProbe.on(Topics.CATALOG)) {
			mvc.perform(post("/api/v1/catalog/items/" + code + "/publish").with(scjgAdmin()))
				.andExpect(jsonPath("$.version").value(2));
			EventEnvelope event = probe.await(ItemPublished.TYPE,
					e -> e.aggregateId().equals(code) && EventCodec.payload(e, ItemPublished.class).itemVersion() == 2);
			ItemPublished published = EventCodec.payload(event, ItemPublished.class);
			assertThat(published.licenseType()).isEqualTo("SMALL_CATERING");
			// the requirements travel with the version, so application-service knows what each material comes from
			assertThat(published.materials()).isNotEmpty()
				.allSatisfy(m -> assertThat(ItemPublished.RequiredMaterial.SOURCES).contains(m.source()));
		}
		mvc.perform(get("/api/v1/catalog/items/" + code)).andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.onlineDepth").value(4));
		mvc.perform(get("/api/v1/catalog/items/" + code + "/versions/1")).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.onlineDepth").value(3));
	}

	@Test
	void retiringEmitsItemRetiredAndHidesTheItem() throws Exception {
		String code = "44030000SCJG-XK-0702";
		mvc.perform(post("/api/v1/catalog/items").with(scjgAdmin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(fullItem(code, 4))).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/catalog/items/" + code + "/retire").with(scjgAdmin()))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/catalog/items/" + code + "/publish").with(scjgAdmin())).andExpect(status().isOk());
		mvc.perform(get("/api/v1/catalog/items?department=SCJG&size=100"))
			.andExpect(jsonPath("$.items[?(@.itemCode == '" + code + "')]").exists());

		try (EventProbe probe = EventProbe.on(Topics.CATALOG)) {
			mvc.perform(post("/api/v1/catalog/items/" + code + "/retire").with(TestJwts.deptAdmin("admin-wsjk", "WSJK"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"事项取消\"}")).andExpect(status().isForbidden());
			mvc.perform(post("/api/v1/catalog/items/" + code + "/retire").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"事项取消\"}")).andExpect(status().isUnauthorized());
			mvc.perform(post("/api/v1/catalog/items/" + code + "/retire").with(scjgAdmin())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"事项取消（演示）\"}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("RETIRED"));
			ItemRetired retired = EventCodec.payload(
					probe.await(ItemRetired.TYPE, e -> e.aggregateId().equals(code)), ItemRetired.class);
			assertThat(retired.itemVersion()).isEqualTo(1);
			assertThat(retired.reason()).isEqualTo("事项取消（演示）");
			assertThat(retired.departmentCode()).isEqualTo("SCJG");
		}
		mvc.perform(get("/api/v1/catalog/items/" + code)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/catalog/items?department=SCJG&size=100"))
			.andExpect(jsonPath("$.items[?(@.itemCode == '" + code + "')]").doesNotExist());
		mvc.perform(post("/api/v1/catalog/items/" + code + "/versions").with(scjgAdmin()))
			.andExpect(status().isConflict());
	}

	@Test
	void elementErrorsNameTheFieldAndNothingIsStored() throws Exception {
		String code = "44030000SCJG-XK-0703";
		String[][] cases = { { "\"dataResource\":\"GA-POPULATION\"", "\"dataResource\":\"population\"",
				"materials[1].dataResource" },
				{ "\"onlineDepth\":4", "\"onlineDepth\":5", "onlineDepth" },
				{ "\"visits\":0", "\"visits\":2", "visits" },
				{ "\"condition\":\"场所为租赁的\",", "", "materials[2].condition" },
				{ "\"licenseType\":\"BUSINESS_LICENSE\"}", "\"licenseType\":null}", "materials[0].licenseType" },
				{ "\"promisedDays\":5", "\"promisedDays\":25", "promisedDays" },
				{ "\"complaint\":\"12345\"", "\"complaint\":\" \"", "contacts.complaint" },
				{ "\"level\":\"HANDLING\"", "\"level\":\"SUB\"", "materials" },
				{ "\"level\":\"HANDLING\"", "\"level\":\"MAIN\"", "materials" },
				{ "\"type\":\"PERMIT\"", "\"type\":\"BENEFIT\"", "itemCode" } };
		for (String[] c : cases) {
			String body = fullItem(code, 4).replace(c[0], c[1]);
			assertThat(body).as("case %s", c[2]).isNotEqualTo(fullItem(code, 4));
			mvc.perform(post("/api/v1/catalog/items").with(scjgAdmin())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(c[2]));
		}
		mvc.perform(get("/api/v1/catalog/items/" + code + "/versions").with(scjgAdmin()))
			.andExpect(status().isNotFound());
	}

	@Test
	void subItemsNeedTheirParent() throws Exception {
		String main = """
				{"itemCode":"44030000SCJG-XK-0710","name":"药品经营许可（测试主项）","type":"PERMIT","level":"MAIN",
				 "departmentCode":"SCJG","departmentName":"市场监督管理局","legalBasis":"《药品管理法》第五十一条",
				 "legalDays":30,"promisedDays":20}
				""";
		String handling = fullItem("44030000SCJG-XK-0710-001", 4);
		mvc.perform(post("/api/v1/catalog/items").with(scjgAdmin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(handling))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("itemCode"));
		mvc.perform(post("/api/v1/catalog/items").with(scjgAdmin()).contentType(MediaType.APPLICATION_JSON).content(main))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/v1/catalog/items").with(scjgAdmin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(handling)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.parentCode").value("44030000SCJG-XK-0710"));
		// a code with two extensions is always a handling item
		mvc.perform(post("/api/v1/catalog/items").with(scjgAdmin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(main.replace("44030000SCJG-XK-0710", "44030000SCJG-XK-0710-001-001")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("level"));
	}

	@Test
	void onlyAdminsOfTheDepartmentEditDrafts() throws Exception {
		String code = "44030000SCJG-XK-0704";
		mvc.perform(post("/api/v1/catalog/items").with(scjgAdmin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(fullItem(code, 4))).andExpect(status().isCreated());
		mvc.perform(put("/api/v1/catalog/items/" + code + "/versions/1").with(TestJwts.deptAdmin("admin-wsjk", "WSJK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(fullItem(code, 3))).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/catalog/items/" + code + "/versions/1").with(TestJwts.citizen("zhangsan"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(fullItem(code, 3))).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/catalog/items/" + code + "/versions/1").contentType(MediaType.APPLICATION_JSON)
			.content(fullItem(code, 3))).andExpect(status().isUnauthorized());
		mvc.perform(put("/api/v1/catalog/items/" + code + "/versions/1")
			.with(TestJwts.user("root", null, "platform-admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(fullItem(code, 3))).andExpect(status().isOk());
		// drafts are not public
		mvc.perform(get("/api/v1/catalog/items/" + code + "/versions/1")).andExpect(status().isNotFound());
	}

}
