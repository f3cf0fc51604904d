package org.yiwang.catalog;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yiwang.shared.contracts.ThemePublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The seeded demo catalog: its size, theme plans (rules, merged materials, stages, burden figures), theme
 * management with validation and {@code catalog.ThemePublished} on the real broker, and search quality.
 */
@SpringBootTest(properties = "platform.demo.seed=true")
@AutoConfigureMockMvc
class SeededCatalogTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "catalog-seeded-test");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	JsonNode call(MockHttpServletRequestBuilder request) throws Exception {
		return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
	}

	JsonNode plan(String theme, String answers) throws Exception {
		return call(post("/api/v1/catalog/themes/" + theme + "/plan").contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":" + answers + "}"));
	}

	List<String> searchCodes(String query) throws Exception {
		JsonNode page = call(get("/api/v1/catalog/search").param("q", query).param("size", "10"));
		return page.get("items").valueStream().map(n -> n.get("code").asString()).toList();
	}

	@Test
	void seedHasFortyHandlingItemsAcrossEightDepartmentsAndSixThemes() throws Exception {
		JsonNode items = call(get("/api/v1/catalog/items").param("size", "100"));
		List<JsonNode> handling = items.get("items")
			.valueStream()
			.filter(i -> i.get("level").asString().equals("HANDLING"))
			.toList();
		assertThat(handling).hasSizeGreaterThanOrEqualTo(40);
		assertThat(handling.stream().map(i -> i.get("departmentCode").asString()).distinct().count())
			.isGreaterThanOrEqualTo(8);
		assertThat(call(get("/api/v1/catalog/themes")).get("total").asInt()).isGreaterThanOrEqualTo(6);
		mvc.perform(get("/api/v1/catalog/items/44030000SCJG-XK-0001"))
			.andExpect(jsonPath("$.name").value("食品经营许可（餐饮服务）"))
			.andExpect(jsonPath("$.licenseType").value("FOOD_BUSINESS"));
	}

	@Test
	void browsingByLifeEventAndFilters() throws Exception {
		JsonNode birth = call(get("/api/v1/catalog/items").param("lifeEvent", "BIRTH").param("size", "100"));
		assertThat(birth.get("total").asInt()).isGreaterThanOrEqualTo(5);
		birth.get("items").forEach(i -> assertThat(i.get("lifeEvents").toString()).contains("BIRTH"));
		JsonNode futian = call(get("/api/v1/catalog/items").param("region", "440304"));
		assertThat(futian.get("items").valueStream().map(i -> i.get("itemCode").asString()))
			.containsExactly("44030400CSGL-XK-0001");
		JsonNode fullyOnline = call(get("/api/v1/catalog/items").param("minOnlineDepth", "4")
			.param("subject", "NATURAL_PERSON")
			.param("department", "GA")
			.param("size", "100"));
		fullyOnline.get("items").forEach(i -> {
			assertThat(i.get("onlineDepth").asInt()).isEqualTo(4);
			assertThat(i.get("departmentCode").asString()).isEqualTo("GA");
		});
		assertThat(fullyOnline.get("total").asInt()).isPositive();
		JsonNode events = call(get("/api/v1/catalog/life-events"));
		assertThat(events.size()).isEqualTo(14);
		assertThat(events.get(0).get("label").asString()).isEqualTo("出生");
		assertThat(events.get(0).get("themes").toString()).contains("newborn");
	}

	@Test
	void restaurantPlanFollowsTheAnswersAndMergesMaterials() throws Exception {
		JsonNode small = plan("open-restaurant",
				"{\"subjectForm\":\"个体工商户\",\"seats\":30,\"outdoorSign\":false,\"sellsAlcohol\":false}");
		List<String> smallItems = small.get("items").valueStream().map(i -> i.get("itemCode").asString()).toList();
		assertThat(smallItems).contains("44030000SCJG-QR-0001", "44030000SCJG-XK-0001")
			.doesNotContain("44030000XFJY-XK-0001", "44030400CSGL-XK-0001", "44030000SCJG-QR-0002");

		JsonNode big = plan("open-restaurant",
				"{\"subjectForm\":\"企业\",\"seats\":120,\"outdoorSign\":true,\"sellsAlcohol\":true}");
		List<String> bigItems = big.get("items").valueStream().map(i -> i.get("itemCode").asString()).toList();
		assertThat(bigItems).contains("44030000SCJG-QR-0002", "44030000SCJG-XK-0001", "44030000XFJY-XK-0001",
				"44030400CSGL-XK-0001", "44030000STHJ-QR-0001", "44030000SWJ-QR-0001", "44030000GA-QT-0001");
		assertThat(big.get("departments").size()).isGreaterThanOrEqualTo(6);
		// business registration first, everything depending on it in stage 2
		assertThat(big.get("stages").get(0).get("itemCodes").toString()).contains("44030000SCJG-QR-0002");
		assertThat(big.get("stages").get(1).get("itemCodes").toString()).contains("44030000SCJG-XK-0001");
		assertThat(big.get("orderConstraints").toString()).contains("44030000SCJG-QR-0002");

		// ONE merged list: the premises proof is needed by four items but listed once
		JsonNode premises = big.get("materials")
			.valueStream()
			.filter(m -> m.get("key").asString().equals("UPLOAD:PREMISES_PROOF"))
			.findFirst()
			.orElseThrow();
		assertThat(premises.get("neededBy").size()).isGreaterThanOrEqualTo(4);
		// the business licence is produced by registration in stage 1, so nobody has to bring it
		JsonNode licence = big.get("materials")
			.valueStream()
			.filter(m -> m.get("key").asString().equals("E_LICENSE:BUSINESS_LICENSE"))
			.findFirst()
			.orElseThrow();
		assertThat(licence.get("producedInPlan").asBoolean()).isTrue();
		// the alcohol rule made a conditional material required
		assertThat(big.get("materials").toString()).contains("ALCOHOL_COMMITMENT");
		assertThat(small.get("materials").toString()).doesNotContain("ALCOHOL_COMMITMENT");

		JsonNode burden = big.get("burden");
		assertThat(burden.get("materialsMerged").asInt()).isLessThan(burden.get("materialsNaive").asInt());
		assertThat(burden.get("materialsToUpload").asInt()).isLessThan(burden.get("materialsMerged").asInt());
		assertThat(burden.get("promisedDaysCriticalPath").asInt())
			.isLessThan(burden.get("promisedDaysSequential").asInt());
		assertThat(burden.get("promisedDaysCriticalPath").asInt())
			.isLessThanOrEqualTo(burden.get("legalDaysCriticalPath").asInt());
		// registration (1 day) then the food permit (10 days) is the critical path
		assertThat(big.get("promisedDays").asInt()).isEqualTo(11);
	}

	@Test
	void secondHandHousePlanHasTheTaxesBetweenContractAndTransfer() throws Exception {
		JsonNode plan = plan("second-hand-house", "{\"yearsHeld\":3,\"sellersOnlyHome\":true,\"useHousingFund\":false}");
		assertThat(plan.get("items").toString()).contains("44030000SWJ-ZS-0002");
		assertThat(plan.get("stages").size()).isEqualTo(3);
		assertThat(plan.get("totalFees").decimalValue()).isEqualByComparingTo("80");
		JsonNode longHeld = plan("second-hand-house",
				"{\"yearsHeld\":8,\"sellersOnlyHome\":true,\"useHousingFund\":false}");
		assertThat(longHeld.get("items").toString()).doesNotContain("44030000SWJ-ZS-0002");
	}

	@Test
	void badAnswersAreNamed() throws Exception {
		mvc.perform(post("/api/v1/catalog/themes/open-restaurant/plan").contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":{\"seats\":\"many\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("answers.seats"));
		mvc.perform(post("/api/v1/catalog/themes/no-such-theme/plan").contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isNotFound());
	}

	static final String THEME = """
			{"name":"开奶茶店（测试）","audience":"LEGAL_PERSON","lifeEvent":"ESTABLISHMENT","aliases":["开饮品店"],
			 "items":[{"itemCode":"44030000SCJG-QR-0001","always":true},{"itemCode":"44030000SCJG-XK-0001","always":true},
			          {"itemCode":"%s","always":false}],
			 "questions":[{"id":"sign","text":"是否设置户外招牌？","type":"BOOLEAN"}],
			 "rules":[{"id":"r-sign","when":[{"question":"sign","op":"EQ","value":true}],"action":"INCLUDE_ITEM",
			           "itemCode":"%s"}],
			 "order":[{"before":"44030000SCJG-QR-0001","after":"44030000SCJG-XK-0001"}]}
			""";

	@Test
	void platformAdminsSaveAndPublishThemesWhichEmitsThemePublished() throws Exception {
		String sign = "44030400CSGL-XK-0001";
		String body = THEME.formatted(sign, sign);
		var admin = TestJwts.user("root", null, "platform-admin");
		mvc.perform(put("/api/v1/catalog/themes/open-milk-tea").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/catalog/themes/open-milk-tea").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());
		mvc.perform(put("/api/v1/catalog/themes/open-milk-tea").with(TestJwts.citizen("zhangsan"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());

		// invalid rules are rejected on save, naming the rule
		mvc.perform(put("/api/v1/catalog/themes/open-milk-tea").with(admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.replace("\"question\":\"sign\"", "\"question\":\"seats\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("rules[0].when[0].question"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("r-sign")));
		mvc.perform(put("/api/v1/catalog/themes/open-milk-tea").with(admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.replace("\"order\":[", "\"order\":[{\"before\":\"44030000SCJG-XK-0001\",\"after\":\"44030000SCJG-QR-0001\"},")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("order[1]"));
		mvc.perform(put("/api/v1/catalog/themes/open-milk-tea").with(admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(THEME.formatted("44030000SCJG-XK-0999", "44030000SCJG-XK-0999")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items[2].itemCode"));
		mvc.perform(get("/api/v1/catalog/themes/open-milk-tea/draft").with(admin)).andExpect(status().isNotFound());

		mvc.perform(put("/api/v1/catalog/themes/open-milk-tea").with(admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/catalog/themes/open-milk-tea")).andExpect(status().isNotFound());
		try (EventProbe probe = EventProbe.on(Topics.CATALOG)) {
			mvc.perform(post("/api/v1/catalog/themes/open-milk-tea/publish").with(admin))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.version").value(1));
			ThemePublished published = EventCodec.payload(
					probe.await(ThemePublished.TYPE, e -> e.aggregateId().equals("open-milk-tea")), ThemePublished.class);
			assertThat(published.itemCodes()).contains(sign);
			assertThat(published.departmentCodes()).containsExactlyInAnyOrder("SCJG", "CSGL");
			// the rules travel with the event: application-service binds submissions under the theme to them
			assertThat(published.plan().rules()).extracting(r -> r.id()).containsExactly("r-sign");
			assertThat(published.plan().order()).hasSize(1);
		}
		assertThat(plan("open-milk-tea", "{\"sign\":true}").get("items").size()).isEqualTo(3);
		assertThat(searchCodes("奶茶店")).contains("open-milk-tea");
	}

	@Test
	void themesWithRetiredItemsAreRejected() throws Exception {
		var admin = TestJwts.user("root", null, "platform-admin");
		mvc.perform(post("/api/v1/catalog/items/44030000STHJ-QR-0002/retire").with(admin))
			.andExpect(status().isOk());
		mvc.perform(put("/api/v1/catalog/themes/pollution-test").with(admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(THEME.formatted("44030000STHJ-QR-0002", "44030000STHJ-QR-0002")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items[2].itemCode"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("retired")));
	}

	@Test
	void searchFindsWhatCitizensType() throws Exception {
		// synonyms: 饭店 → 餐馆
		assertThat(searchCodes("饭店")).contains("open-restaurant");
		assertThat(searchCodes("开饭店").get(0)).isEqualTo("open-restaurant");
		// licence names and keywords
		assertThat(searchCodes("营业执照")).contains("44030000SCJG-QR-0002", "44030000SCJG-QR-0001");
		// partial words
		assertThat(searchCodes("食品经营")).first().isEqualTo("44030000SCJG-XK-0001");
		assertThat(searchCodes("消防检查")).contains("44030000XFJY-XK-0001");
		// one-character typos
		assertThat(searchCodes("食品经营许课")).first().isEqualTo("44030000SCJG-XK-0001");
		assertThat(searchCodes("公共场所卫生许刻")).first().isEqualTo("44030000WSJK-XK-0001");
		assertThat(searchCodes("新生儿出身")).contains("newborn");
		// life-event words and aliases
		assertThat(searchCodes("生孩子")).contains("newborn");
		assertThat(searchCodes("二手房过户")).first().isIn("second-hand-house", "44030000ZJJ-QR-0002");
		assertThat(searchCodes("驾照")).contains("44030000GA-XK-0002");
		// unrelated text finds nothing
		assertThat(searchCodes("量子计算机")).isEmpty();
		// filters and pagination
		JsonNode page = call(get("/api/v1/catalog/search").param("q", "许可").param("kind", "ITEM")
			.param("department", "SCJG")
			.param("size", "2"));
		assertThat(page.get("items").size()).isEqualTo(2);
		assertThat(page.get("total").asInt()).isGreaterThan(2);
		page.get("items").forEach(i -> assertThat(i.get("departments").toString()).contains("SCJG"));
		mvc.perform(get("/api/v1/catalog/search").param("q", "")).andExpect(status().isBadRequest());
	}

	@Test
	void answersMapIsOptional() throws Exception {
		JsonNode plan = call(post("/api/v1/catalog/themes/enterprise-deregistration/plan"));
		assertThat(plan.get("items").size()).isEqualTo(2);
		assertThat(plan.get("stages").size()).isEqualTo(2);
		assertThat(Map.of()).isEmpty();
	}

}
