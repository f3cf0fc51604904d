package org.yiwang.catalog.seed;

import java.util.List;
import java.util.Map;

import org.yiwang.catalog.item.LifeEvent;
import org.yiwang.catalog.item.SubjectType;
import org.yiwang.catalog.theme.ActionType;
import org.yiwang.catalog.theme.Condition;
import org.yiwang.catalog.theme.Operator;
import org.yiwang.catalog.theme.OrderConstraint;
import org.yiwang.catalog.theme.Question;
import org.yiwang.catalog.theme.Rule;
import org.yiwang.catalog.theme.ThemeDefinition;
import org.yiwang.catalog.theme.ThemeItem;

/**
 * DEMO DATA — 演示数据: one-thing themes (一件事一次办) over {@link DemoCatalog}'s items. The questionnaires and rules
 * are simplified illustrations (e.g. "more than 50 seats needs the fire safety check"), not legal advice.
 */
final class DemoThemes {

	static final String BUSINESS_REG = "44030000SCJG-QR-0002";

	static final String INDIVIDUAL_REG = "44030000SCJG-QR-0001";

	static final String FOOD_PERMIT = "44030000SCJG-XK-0001";

	static final String FIRE_CHECK = "44030000XFJY-XK-0001";

	static final String OUTDOOR_SIGN = "44030400CSGL-XK-0001";

	static final String EIA_FILING = "44030000STHJ-QR-0001";

	static final String TAX_REG = "44030000SWJ-QR-0001";

	static final String SEAL = "44030000GA-QT-0001";

	static final String KITCHEN_WASTE = "44030000CSGL-QR-0001";

	static final Map<String, ThemeDefinition> THEMES = Map.of(
			"open-restaurant",
			new ThemeDefinition("开餐馆", SubjectType.LEGAL_PERSON, LifeEvent.ESTABLISHMENT,
					"开一家餐馆需要办理的营业执照、食品经营许可、消防、招牌、环保、税务等事项，一次告知、一表申请、并联审批。（演示）",
					List.of("开饭店", "开餐厅", "餐饮开店", "开小吃店"),
					List.of(new ThemeItem(BUSINESS_REG, false), new ThemeItem(INDIVIDUAL_REG, false),
							new ThemeItem(FOOD_PERMIT, true), new ThemeItem(FIRE_CHECK, false),
							new ThemeItem(OUTDOOR_SIGN, false), new ThemeItem(EIA_FILING, true),
							new ThemeItem(TAX_REG, true), new ThemeItem(SEAL, false),
							new ThemeItem(KITCHEN_WASTE, true)),
					List.of(Question.choice("subjectForm", "以何种主体形式经营？", "企业", "个体工商户"),
							Question.number("seats", "餐位数（座）", 0, 5000),
							Question.yesNo("outdoorSign", "是否设置户外招牌？"),
							Question.yesNo("sellsAlcohol", "是否销售酒类？")),
					List.of(rule("r-company", "subjectForm", Operator.EQ, "企业", ActionType.INCLUDE_ITEM, BUSINESS_REG),
							rule("r-individual", "subjectForm", Operator.EQ, "个体工商户", ActionType.INCLUDE_ITEM,
									INDIVIDUAL_REG),
							rule("r-seal", "subjectForm", Operator.EQ, "企业", ActionType.INCLUDE_ITEM, SEAL),
							rule("r-fire", "seats", Operator.GT, 50L, ActionType.INCLUDE_ITEM, FIRE_CHECK),
							rule("r-sign", "outdoorSign", Operator.EQ, true, ActionType.INCLUDE_ITEM, OUTDOOR_SIGN),
							new Rule("r-alcohol", List.of(new Condition("sellsAlcohol", Operator.EQ, true)),
									ActionType.REQUIRE_MATERIAL, FOOD_PERMIT, "ALCOHOL_COMMITMENT")),
					List.of(new OrderConstraint(BUSINESS_REG, FOOD_PERMIT), new OrderConstraint(INDIVIDUAL_REG, FOOD_PERMIT),
							new OrderConstraint(BUSINESS_REG, TAX_REG), new OrderConstraint(INDIVIDUAL_REG, TAX_REG),
							new OrderConstraint(BUSINESS_REG, SEAL), new OrderConstraint(BUSINESS_REG, FIRE_CHECK),
							new OrderConstraint(BUSINESS_REG, OUTDOOR_SIGN),
							new OrderConstraint(INDIVIDUAL_REG, FIRE_CHECK),
							new OrderConstraint(INDIVIDUAL_REG, OUTDOOR_SIGN))),
			"newborn",
			new ThemeDefinition("新生儿出生", SubjectType.NATURAL_PERSON, LifeEvent.BIRTH,
					"宝宝出生后的出生医学证明、落户、医保、社保卡、预防接种证、生育津贴一次办。（演示）", List.of("生孩子", "宝宝出生", "出生一件事"),
					List.of(new ThemeItem("44030000WSJK-QR-0001", true), new ThemeItem("44030000GA-QR-0001", true),
							new ThemeItem("44030000YBJ-GG-0001", true), new ThemeItem("44030000WSJK-GG-0002", true),
							new ThemeItem("44030000RSJ-GG-0002", false), new ThemeItem("44030000YBJ-JF-0001", false),
							new ThemeItem("44030000WSJK-GG-0001", false)),
					List.of(Question.yesNo("motherInsured", "母亲是否参加职工生育保险？"),
							Question.yesNo("parentsMarried", "父母是否已登记结婚？"),
							Question.yesNo("wantsSocialCard", "是否同时申领社会保障卡？"),
							Question.yesNo("birthRegistered", "是否已办理生育登记？")),
					List.of(rule("r-benefit", "motherInsured", Operator.EQ, true, ActionType.INCLUDE_ITEM,
							"44030000YBJ-JF-0001"),
							new Rule("r-marriage", List.of(new Condition("parentsMarried", Operator.EQ, true)),
									ActionType.REQUIRE_MATERIAL, "44030000GA-QR-0001", "MARRIAGE_CERT"),
							rule("r-card", "wantsSocialCard", Operator.EQ, true, ActionType.INCLUDE_ITEM,
									"44030000RSJ-GG-0002"),
							rule("r-birth-registration", "birthRegistered", Operator.EQ, false, ActionType.INCLUDE_ITEM,
									"44030000WSJK-GG-0001")),
					List.of(new OrderConstraint("44030000WSJK-QR-0001", "44030000GA-QR-0001"),
							new OrderConstraint("44030000GA-QR-0001", "44030000YBJ-GG-0001"),
							new OrderConstraint("44030000GA-QR-0001", "44030000RSJ-GG-0002"),
							new OrderConstraint("44030000WSJK-QR-0001", "44030000WSJK-GG-0002"),
							new OrderConstraint("44030000WSJK-QR-0001", "44030000YBJ-JF-0001"))),
			"business-startup",
			new ThemeDefinition("企业开办", SubjectType.LEGAL_PERSON, LifeEvent.ESTABLISHMENT,
					"营业执照、公章刻制、税务报到、发票领用、社保和医保登记一网通办，一个工作日内办结。（演示）", List.of("开公司", "注册公司", "开办企业"),
					List.of(new ThemeItem(BUSINESS_REG, true), new ThemeItem(SEAL, true), new ThemeItem(TAX_REG, true),
							new ThemeItem("44030000SWJ-GG-0001", false), new ThemeItem("44030000RSJ-QR-0001", false),
							new ThemeItem("44030000YBJ-GG-0002", false)),
					List.of(Question.yesNo("needsInvoice", "是否需要领用发票？"),
							Question.number("employees", "计划招用员工人数", 0, 100000)),
					List.of(rule("r-invoice", "needsInvoice", Operator.EQ, true, ActionType.INCLUDE_ITEM,
							"44030000SWJ-GG-0001"),
							rule("r-social", "employees", Operator.GT, 0L, ActionType.INCLUDE_ITEM, "44030000RSJ-QR-0001"),
							rule("r-medical", "employees", Operator.GT, 0L, ActionType.INCLUDE_ITEM,
									"44030000YBJ-GG-0002")),
					List.of(new OrderConstraint(BUSINESS_REG, SEAL), new OrderConstraint(BUSINESS_REG, TAX_REG),
							new OrderConstraint(TAX_REG, "44030000SWJ-GG-0001"),
							new OrderConstraint(BUSINESS_REG, "44030000RSJ-QR-0001"),
							new OrderConstraint(BUSINESS_REG, "44030000YBJ-GG-0002"))),
			"second-hand-house",
			new ThemeDefinition("二手房交易", SubjectType.NATURAL_PERSON, LifeEvent.HOUSING,
					"存量房网签、缴税、不动产转移登记、公积金提取一窗受理、集成服务。（演示）", List.of("二手房过户", "买二手房", "卖房"),
					List.of(new ThemeItem("44030000ZJJ-QR-0001", true), new ThemeItem("44030000SWJ-ZS-0001", true),
							new ThemeItem("44030000SWJ-ZS-0002", false), new ThemeItem("44030000ZJJ-QR-0002", true),
							new ThemeItem("44030000ZJJ-GG-0001", false)),
					List.of(Question.number("yearsHeld", "卖方持有该房屋年限（年）", 0, 100),
							Question.yesNo("sellersOnlyHome", "是否卖方家庭唯一住房？"),
							Question.yesNo("useHousingFund", "买方是否提取住房公积金？")),
					List.of(new Rule("r-income-tax-short", List.of(new Condition("yearsHeld", Operator.LT, 5L)),
							ActionType.INCLUDE_ITEM, "44030000SWJ-ZS-0002", null),
							rule("r-income-tax-not-only", "sellersOnlyHome", Operator.EQ, false, ActionType.INCLUDE_ITEM,
									"44030000SWJ-ZS-0002"),
							rule("r-fund", "useHousingFund", Operator.EQ, true, ActionType.INCLUDE_ITEM,
									"44030000ZJJ-GG-0001")),
					List.of(new OrderConstraint("44030000ZJJ-QR-0001", "44030000SWJ-ZS-0001"),
							new OrderConstraint("44030000ZJJ-QR-0001", "44030000SWJ-ZS-0002"),
							new OrderConstraint("44030000SWJ-ZS-0001", "44030000ZJJ-QR-0002"),
							new OrderConstraint("44030000SWJ-ZS-0002", "44030000ZJJ-QR-0002"),
							new OrderConstraint("44030000SWJ-ZS-0001", "44030000ZJJ-GG-0001"))),
			"retirement",
			new ThemeDefinition("退休一件事", SubjectType.NATURAL_PERSON, LifeEvent.RETIREMENT,
					"养老金申领、退休医保待遇核定、公积金退休提取一次办。（演示）", List.of("办退休", "退休手续"),
					List.of(new ThemeItem("44030000RSJ-JF-0002", true), new ThemeItem("44030000YBJ-QR-0001", true),
							new ThemeItem("44030000ZJJ-GG-0002", false)),
					List.of(Question.yesNo("hasHousingFund", "是否缴存过住房公积金？")),
					List.of(rule("r-fund", "hasHousingFund", Operator.EQ, true, ActionType.INCLUDE_ITEM,
							"44030000ZJJ-GG-0002")),
					List.of(new OrderConstraint("44030000RSJ-JF-0002", "44030000YBJ-QR-0001"),
							new OrderConstraint("44030000RSJ-JF-0002", "44030000ZJJ-GG-0002"))),
			"after-death",
			new ThemeDefinition("身后一件事", SubjectType.NATURAL_PERSON, LifeEvent.DEATH,
					"死亡医学证明、户口注销、丧葬补助金和抚恤金、医保个人账户继承联办。（演示）", List.of("去世办理", "亲人去世"),
					List.of(new ThemeItem("44030000WSJK-QR-0002", true), new ThemeItem("44030000GA-QR-0004", true),
							new ThemeItem("44030000RSJ-JF-0003", false), new ThemeItem("44030000YBJ-GG-0004", false)),
					List.of(Question.yesNo("wasInsured", "逝者生前是否参加基本养老保险？"),
							Question.yesNo("hadMedicalAccount", "逝者是否有医保个人账户余额？")),
					List.of(rule("r-pension", "wasInsured", Operator.EQ, true, ActionType.INCLUDE_ITEM,
							"44030000RSJ-JF-0003"),
							rule("r-medical", "hadMedicalAccount", Operator.EQ, true, ActionType.INCLUDE_ITEM,
									"44030000YBJ-GG-0004")),
					List.of(new OrderConstraint("44030000WSJK-QR-0002", "44030000GA-QR-0004"),
							new OrderConstraint("44030000GA-QR-0004", "44030000RSJ-JF-0003"),
							new OrderConstraint("44030000GA-QR-0004", "44030000YBJ-GG-0004"))),
			"enterprise-deregistration",
			new ThemeDefinition("企业注销", SubjectType.LEGAL_PERSON, LifeEvent.DEREGISTRATION, "清税、注销登记一网通办。（演示）",
					List.of("公司注销", "关闭公司"),
					List.of(new ThemeItem("44030000SWJ-QR-0002", true), new ThemeItem("44030000SCJG-QR-0004", true)),
					List.of(), List.of(),
					List.of(new OrderConstraint("44030000SWJ-QR-0002", "44030000SCJG-QR-0004"))));

	private DemoThemes() {
	}

	private static Rule rule(String id, String question, Operator op, Object value, ActionType action,
			String itemCode) {
		return new Rule(id, List.of(new Condition(question, op, value)), action, itemCode, null);
	}

}
