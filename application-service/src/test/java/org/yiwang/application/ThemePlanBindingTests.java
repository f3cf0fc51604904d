package org.yiwang.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yiwang.application.application.Application;
import org.yiwang.application.application.Applications;
import org.yiwang.application.catalog.PublishedItems;
import org.yiwang.application.catalog.PublishedThemes;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.contracts.ThemePlan;
import org.yiwang.shared.contracts.ThemePublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The theme plan is binding (issue 12, part 2): the catalog's {@code catalog.ThemePublished} for the demo theme 开餐馆
 * (open-restaurant, with its real questions, rules and order, as the catalog seeds it) arrives over the broker, and
 * a submission under the theme must list exactly the plan's items for its answers; the order constraints and the
 * conditional materials come from the plan; the theme version and the answers are recorded. Every mismatch is a 400
 * naming the item or answer, and nothing is stored.
 */
class ThemePlanBindingTests extends ServiceTestSupport {

	static final String THEME = "open-restaurant";

	static final String BUSINESS_REG = "44030000SCJG-QR-0002";

	static final String INDIVIDUAL_REG = "44030000SCJG-QR-0001";

	static final String FOOD_PERMIT = "44030000SCJG-XK-0001";

	static final String FIRE_CHECK = "44030000XFJY-XK-0001";

	static final String OUTDOOR_SIGN = "44030400CSGL-XK-0001";

	static final String EIA_FILING = "44030000STHJ-QR-0001";

	static final String TAX_REG = "44030000SWJ-QR-0001";

	static final String SEAL = "44030000GA-QT-0001";

	static final String KITCHEN_WASTE = "44030000CSGL-QR-0001";

	static final String OLD_THEME = "theme-before-plans";

	/** 开餐馆 as DemoThemes in catalog-service defines it (catalog-service's ThemePlanContractTest pins the mapping). */
	static final ThemePlan RESTAURANT = new ThemePlan(
			List.of(new ThemePlan.Item(BUSINESS_REG, false), new ThemePlan.Item(INDIVIDUAL_REG, false),
					new ThemePlan.Item(FOOD_PERMIT, true), new ThemePlan.Item(FIRE_CHECK, false),
					new ThemePlan.Item(OUTDOOR_SIGN, false), new ThemePlan.Item(EIA_FILING, true),
					new ThemePlan.Item(TAX_REG, true), new ThemePlan.Item(SEAL, false),
					new ThemePlan.Item(KITCHEN_WASTE, true)),
			List.of(new ThemePlan.Question("subjectForm", "以何种主体形式经营？", "SINGLE_CHOICE", List.of("企业", "个体工商户"),
					null, null), new ThemePlan.Question("seats", "餐位数（座）", "NUMBER", null, 0L, 5000L),
					new ThemePlan.Question("outdoorSign", "是否设置户外招牌？", "BOOLEAN", null, null, null),
					new ThemePlan.Question("sellsAlcohol", "是否销售酒类？", "BOOLEAN", null, null, null)),
			List.of(rule("r-company", "subjectForm", "EQ", "企业", "INCLUDE_ITEM", BUSINESS_REG, null),
					rule("r-individual", "subjectForm", "EQ", "个体工商户", "INCLUDE_ITEM", INDIVIDUAL_REG, null),
					rule("r-seal", "subjectForm", "EQ", "企业", "INCLUDE_ITEM", SEAL, null),
					rule("r-fire", "seats", "GT", 50, "INCLUDE_ITEM", FIRE_CHECK, null),
					rule("r-sign", "outdoorSign", "EQ", true, "INCLUDE_ITEM", OUTDOOR_SIGN, null),
					rule("r-alcohol", "sellsAlcohol", "EQ", true, "REQUIRE_MATERIAL", FOOD_PERMIT,
							"ALCOHOL_COMMITMENT")),
			List.of(new ThemePlan.Order(BUSINESS_REG, FOOD_PERMIT), new ThemePlan.Order(INDIVIDUAL_REG, FOOD_PERMIT),
					new ThemePlan.Order(BUSINESS_REG, TAX_REG), new ThemePlan.Order(INDIVIDUAL_REG, TAX_REG),
					new ThemePlan.Order(BUSINESS_REG, SEAL), new ThemePlan.Order(BUSINESS_REG, FIRE_CHECK),
					new ThemePlan.Order(BUSINESS_REG, OUTDOOR_SIGN), new ThemePlan.Order(INDIVIDUAL_REG, FIRE_CHECK),
					new ThemePlan.Order(INDIVIDUAL_REG, OUTDOOR_SIGN)));

	static final String COMPANY_BIG = "{\"subjectForm\":\"企业\",\"seats\":80,\"outdoorSign\":true,\"sellsAlcohol\":true}";

	static final String SMALL_SHOP = "{\"subjectForm\":\"个体工商户\",\"seats\":20,\"outdoorSign\":false,\"sellsAlcohol\":false}";

	static ThemePlan.Rule rule(String id, String question, String op, Object value, String action, String item,
			String material) {
		return new ThemePlan.Rule(id, List.of(new ThemePlan.Condition(question, op, value)), action, item, material);
	}

	@BeforeAll
	static void catalogPublishedTheRestaurantTheme() {
		item(BUSINESS_REG, "企业设立登记", "SCJG");
		item(INDIVIDUAL_REG, "个体工商户设立登记", "SCJG");
		item(FIRE_CHECK, "公众聚集场所投入使用、营业前消防安全检查", "XFJY");
		item(OUTDOOR_SIGN, "户外招牌设置审批", "CSGL");
		item(EIA_FILING, "环境影响登记表备案", "STHJ");
		item(TAX_REG, "税务登记", "SWJ");
		item(SEAL, "公章刻制备案", "GA");
		item(KITCHEN_WASTE, "餐厨垃圾收运登记", "CSGL");
		// the food permit: an ID card always, the alcohol commitment only where a rule requires it (情形)
		send(FOOD_PERMIT, ItemPublished.TYPE, new ItemPublished(FOOD_PERMIT, 1, "食品经营许可", "SCJG", "市场监督管理局", 10,
				20, null, null, 0,
				List.of(new ItemPublished.RequiredMaterial("ID_CARD", "身份证", "UPLOAD", true, null, null, null),
						new ItemPublished.RequiredMaterial("ALCOHOL_COMMITMENT", "酒类经营承诺书", "UPLOAD", false, "销售酒类的",
								null, null))));
		send(THEME, ThemePublished.TYPE, new ThemePublished(THEME, 1, "开餐馆", RESTAURANT.itemCodes(),
				List.of("SCJG", "XFJY", "CSGL", "STHJ", "SWJ", "GA"), Instant.now(), RESTAURANT));
		// a theme last published before the event carried its rules
		send(OLD_THEME, ThemePublished.TYPE,
				new ThemePublished(OLD_THEME, 3, "旧主题", List.of(TAX_REG), List.of("SWJ"), Instant.now()));
	}

	static void item(String code, String name, String dept) {
		send(code, ItemPublished.TYPE, new ItemPublished(code, 1, name, dept, dept + "局", 5, 10, null, null, 0));
	}

	static void send(String key, String type, Object payload) {
		EventProbe.send(Topics.CATALOG, new EventEnvelope(UUID.randomUUID().toString(), type, 1, Instant.now(), key,
				"test-corr", null, "test", EventCodec.toMap(payload)));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PublishedItems items;

	@Autowired
	PublishedThemes themes;

	@Autowired
	Applications applications;

	@BeforeEach
	void projectionCaughtUp() {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> themes.existsById(THEME) && themes.existsById(OLD_THEME)
					&& RESTAURANT.itemCodes().stream().allMatch(items::existsById));
	}

	ResultActions submit(String citizen, String body) throws Exception {
		return mvc.perform(post("/api/v1/applications").with(TestJwts.citizen(citizen))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	static String request(String theme, String answers, String... itemCodes) {
		return "{" + (theme == null ? "" : "\"themeCode\":\"" + theme + "\",") + "\"answers\":" + answers
				+ ",\"itemCodes\":[" + String.join(",", List.of(itemCodes).stream().map(c -> "\"" + c + "\"").toList())
				+ "]}";
	}

	@Test
	void theRestaurantThemeWithRealAnswersYieldsItsItemsOrderAndRequiredMaterials() throws Exception {
		// a company with 80 seats, an outdoor sign and alcohol: every item but the individual registration
		String response = submit("theme-owner",
				request(THEME, COMPANY_BIG, KITCHEN_WASTE, TAX_REG, FOOD_PERMIT, BUSINESS_REG, FIRE_CHECK, OUTDOOR_SIGN,
						EIA_FILING, SEAL))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.themeCode").value(THEME))
			.andExpect(jsonPath("$.theme.version").value(1))
			.andExpect(jsonPath("$.theme.answers.seats").value(80))
			.andExpect(jsonPath("$.theme.answers.subjectForm").value("企业"))
			.andExpect(jsonPath("$.theme.firedRules.length()").value(5))
			// the conditional material became required because the applicant sells alcohol
			.andExpect(jsonPath("$.requirements[?(@.key == 'UPLOAD:ALCOHOL_COMMITMENT')].required").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the order comes from the plan (the client sent none): the registration first, then what needs it
		Application stored = applications.findById(JsonPath.read(response, "$.id")).orElseThrow();
		Map<String, List<String>> predecessors = new java.util.HashMap<>();
		stored.getCases().forEach(c -> predecessors.put(c.getItemCode(), c.getPredecessors()));
		assertThat(predecessors).containsOnlyKeys(KITCHEN_WASTE, TAX_REG, FOOD_PERMIT, BUSINESS_REG, FIRE_CHECK,
				OUTDOOR_SIGN, EIA_FILING, SEAL);
		assertThat(predecessors.get(BUSINESS_REG)).isEmpty();
		assertThat(predecessors.get(EIA_FILING)).isEmpty();
		assertThat(predecessors.get(KITCHEN_WASTE)).isEmpty();
		for (String after : List.of(FOOD_PERMIT, TAX_REG, SEAL, FIRE_CHECK, OUTDOOR_SIGN)) {
			assertThat(predecessors.get(after)).as(after).containsExactly(BUSINESS_REG);
		}
		assertThat(stored.getTheme().version()).isEqualTo(1);
		assertThat(stored.getTheme().answers()).containsEntry("seats", 80L)
			.containsEntry("sellsAlcohol", true)
			.containsEntry("subjectForm", "企业");
	}

	@Test
	void aConditionalMaterialIsRequiredOnlyForTheAnswersThatTriggerIt() throws Exception {
		// an individual business, 20 seats, no sign, no alcohol: five items, the commitment stays conditional
		submit("theme-small", request(THEME, SMALL_SHOP, INDIVIDUAL_REG, FOOD_PERMIT, EIA_FILING, TAX_REG, KITCHEN_WASTE))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.theme.firedRules[0]").value("r-individual"))
			.andExpect(jsonPath("$.requirements[?(@.key == 'UPLOAD:ALCOHOL_COMMITMENT')].required").value(false))
			.andExpect(jsonPath("$.requirements[?(@.key == 'UPLOAD:ID_CARD')].required").value(true))
			.andExpect(jsonPath("$.cases[?(@.itemCode == '" + FOOD_PERMIT + "')].status").value("WAITING"));
		// the same shop selling alcohol: now it is required
		submit("theme-small", request(THEME, SMALL_SHOP.replace("\"sellsAlcohol\":false", "\"sellsAlcohol\":true"),
				INDIVIDUAL_REG, FOOD_PERMIT, EIA_FILING, TAX_REG, KITCHEN_WASTE))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.requirements[?(@.key == 'UPLOAD:ALCOHOL_COMMITMENT')].required").value(true));
	}

	@Test
	void mismatchesWithThePlanAreRefusedNamingTheItemOrAnswerAndNothingIsStored() throws Exception {
		long before = applications.count();
		// a foreign item: the fire check is not part of the theme for 20 seats
		submit("theme-refused", request(THEME, SMALL_SHOP, INDIVIDUAL_REG, FOOD_PERMIT, FIRE_CHECK, EIA_FILING, TAX_REG,
				KITCHEN_WASTE))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("itemCodes[2]"))
			.andExpect(jsonPath("$.errors[0].rule").value("not part of theme open-restaurant for these answers"));
		// the company registration is not part of it for an individual business either
		submit("theme-refused", request(THEME, SMALL_SHOP, BUSINESS_REG, FOOD_PERMIT, EIA_FILING, TAX_REG,
				KITCHEN_WASTE))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("itemCodes[0]"));
		// a missing item: the tax registration belongs to every restaurant
		submit("theme-refused", request(THEME, SMALL_SHOP, INDIVIDUAL_REG, FOOD_PERMIT, EIA_FILING, KITCHEN_WASTE))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("itemCodes"))
			.andExpect(jsonPath("$.errors[0].rule").value(containsString("must include " + TAX_REG)));
		// a wrong answer value
		submit("theme-refused", request(THEME, SMALL_SHOP.replace("个体工商户", "合伙企业"), INDIVIDUAL_REG, FOOD_PERMIT,
				EIA_FILING, TAX_REG, KITCHEN_WASTE))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("answers.subjectForm"))
			.andExpect(jsonPath("$.errors[0].rule").value("must be one of [企业, 个体工商户]"));
		submit("theme-refused", request(THEME, SMALL_SHOP.replace("\"seats\":20", "\"seats\":20.5"), INDIVIDUAL_REG,
				FOOD_PERMIT, EIA_FILING, TAX_REG, KITCHEN_WASTE))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("answers.seats"));
		submit("theme-refused", request(THEME, SMALL_SHOP.replace("\"outdoorSign\":false", "\"outdoorSign\":\"no\""),
				INDIVIDUAL_REG, FOOD_PERMIT, EIA_FILING, TAX_REG, KITCHEN_WASTE))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("answers.outdoorSign"))
			.andExpect(jsonPath("$.errors[0].rule").value("must be true or false"));
		// a missing answer, and an answer to a question the theme does not ask
		submit("theme-refused", request(THEME, SMALL_SHOP.replace("\"seats\":20,", ""), INDIVIDUAL_REG, FOOD_PERMIT,
				EIA_FILING, TAX_REG, KITCHEN_WASTE))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("answers.seats"))
			.andExpect(jsonPath("$.errors[0].rule").value(containsString("must be answered")));
		submit("theme-refused", request(THEME, SMALL_SHOP.replace("{", "{\"hasOutdoorSeating\":true,"), INDIVIDUAL_REG,
				FOOD_PERMIT, EIA_FILING, TAX_REG, KITCHEN_WASTE))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("answers.hasOutdoorSeating"));
		// an unknown theme
		submit("theme-refused", request("open-bakery", SMALL_SHOP, INDIVIDUAL_REG, FOOD_PERMIT))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("themeCode"));
		// an order constraint the plan does not have
		String withoutOrder = request(THEME, SMALL_SHOP, INDIVIDUAL_REG, FOOD_PERMIT, EIA_FILING, TAX_REG,
				KITCHEN_WASTE);
		submit("theme-refused", withoutOrder.substring(0, withoutOrder.length() - 1) + ",\"order\":[{\"before\":\""
				+ TAX_REG + "\",\"after\":\"" + EIA_FILING + "\"}]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("order[0]"));
		// answers without a theme
		submit("theme-refused", request(null, SMALL_SHOP, TAX_REG))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("answers"));
		// a theme whose rules never reached this service cannot bind anything yet
		submit("theme-refused", "{\"themeCode\":\"" + OLD_THEME + "\",\"answers\":{},\"itemCodes\":[\"" + TAX_REG + "\"]}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("themeCode"));
		assertThat(applications.count()).isEqualTo(before);
		assertThat(applications.findMine("theme-refused", List.of(), org.springframework.data.domain.Pageable.unpaged())
			.getTotalElements()).isZero();
	}

	@Test
	void aDraftKeepsItsAnswersAndIsBoundOnSubmission() throws Exception {
		String draft = JsonPath.read(mvc
			.perform(post("/api/v1/applications/drafts").with(TestJwts.citizen("theme-draft"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(request(THEME, SMALL_SHOP, INDIVIDUAL_REG, FOOD_PERMIT, EIA_FILING, TAX_REG, KITCHEN_WASTE)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		mvc.perform(post("/api/v1/applications/drafts/" + draft + "/submit").with(TestJwts.citizen("theme-draft")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.theme.code").value(THEME))
			.andExpect(jsonPath("$.theme.answers.subjectForm").value("个体工商户"));
	}

}
