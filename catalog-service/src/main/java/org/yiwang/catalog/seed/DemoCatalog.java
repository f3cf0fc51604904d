package org.yiwang.catalog.seed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yiwang.catalog.item.Channel;
import org.yiwang.catalog.item.Contacts;
import org.yiwang.catalog.item.Fee;
import org.yiwang.catalog.item.ItemDefinition;
import org.yiwang.catalog.item.ItemLevel;
import org.yiwang.catalog.item.ItemType;
import org.yiwang.catalog.item.LifeEvent;
import org.yiwang.catalog.item.Location;
import org.yiwang.catalog.item.Material;
import org.yiwang.catalog.item.MaterialForm;
import org.yiwang.catalog.item.SubjectType;

import static org.yiwang.catalog.item.ItemType.BENEFIT;
import static org.yiwang.catalog.item.ItemType.CONFIRMATION;
import static org.yiwang.catalog.item.ItemType.LEVY;
import static org.yiwang.catalog.item.ItemType.OTHER_POWER;
import static org.yiwang.catalog.item.ItemType.PERMIT;
import static org.yiwang.catalog.item.ItemType.PUBLIC_SERVICE;
import static org.yiwang.catalog.item.LifeEvent.BIRTH;
import static org.yiwang.catalog.item.LifeEvent.CHANGE;
import static org.yiwang.catalog.item.LifeEvent.DEATH;
import static org.yiwang.catalog.item.LifeEvent.DEREGISTRATION;
import static org.yiwang.catalog.item.LifeEvent.EMPLOYMENT;
import static org.yiwang.catalog.item.LifeEvent.ESTABLISHMENT;
import static org.yiwang.catalog.item.LifeEvent.HOUSING;
import static org.yiwang.catalog.item.LifeEvent.INVESTMENT_CONSTRUCTION;
import static org.yiwang.catalog.item.LifeEvent.MARRIAGE;
import static org.yiwang.catalog.item.LifeEvent.OPERATION;
import static org.yiwang.catalog.item.LifeEvent.QUALIFICATION;
import static org.yiwang.catalog.item.LifeEvent.RETIREMENT;
import static org.yiwang.catalog.item.LifeEvent.VEHICLES;

/**
 * DEMO DATA — 演示数据，仅供演示，不具法律效力. Plausible but not authoritative items of a fictitious Shenzhen-style
 * region (44030000): legal bases, time limits and fees are modelled on published guides but simplified. Items are
 * listed parents first (主项 → 子项 → 办理项). The four codes of the first catalog version keep their names and
 * licence types (the end-to-end test relies on 44030000SCJG-XK-0001 食品经营许可（餐饮服务）).
 */
final class DemoCatalog {

	record SeedItem(String code, ItemDefinition definition) {
	}

	static final Map<String, String> DEPARTMENTS = Map.ofEntries(Map.entry("SCJG", "市场监督管理局"),
			Map.entry("WSJK", "卫生健康委员会"), Map.entry("XFJY", "消防救援支队"), Map.entry("STHJ", "生态环境局"),
			Map.entry("CSGL", "城市管理和综合执法局"), Map.entry("GA", "公安局"), Map.entry("RSJ", "人力资源和社会保障局"),
			Map.entry("YBJ", "医疗保障局"), Map.entry("ZJJ", "住房和建设局"), Map.entry("SWJ", "税务局"));

	// shared materials: the same type across items is the same paper, merged in theme plans
	static final Material ID = Material.sharedData("APPLICANT_ID", "申请人居民身份证（人口库核验）", "GA-POPULATION");

	static final Material LEGAL_REP_ID = Material.sharedData("LEGAL_REP_ID", "法定代表人（经营者）身份证明（人口库核验）",
			"GA-POPULATION");

	static final Material BUSINESS_LICENSE = Material.eLicense("BUSINESS_LICENSE", "营业执照（电子证照）",
			"BUSINESS_LICENSE");

	static final Material LEGAL_PERSON_DATA = Material.sharedData("LEGAL_PERSON_INFO", "法人单位基础信息（法人库）",
			"SCJG-LEGAL-PERSON");

	static final Material PREMISES = Material.upload("PREMISES_PROOF", "经营场所使用证明（产权证明或租赁合同）", MaterialForm.COPY,
			1);

	static final Material APPLICATION_FORM = Material.upload("APPLICATION_FORM", "申请表（在线填写）",
			MaterialForm.ELECTRONIC, 1);

	static final Material BIRTH_CERT = Material.eLicense("BIRTH_CERTIFICATE", "出生医学证明（电子证照）",
			"BIRTH_CERTIFICATE");

	static final Material HOUSEHOLD = Material.sharedData("HOUSEHOLD_REGISTER", "居民户口簿信息（人口库）", "GA-POPULATION");

	static final Material INSURANCE = Material.sharedData("SOCIAL_INSURANCE_RECORD", "社会保险参保缴费记录（社保库）",
			"RSJ-SOCIAL-INSURANCE");

	static final Material PROPERTY = Material.sharedData("PROPERTY_RECORD", "不动产登记信息（不动产库）", "ZJJ-PROPERTY");

	static final Material PROPERTY_CERT = Material.eLicense("PROPERTY_CERTIFICATE", "不动产权证书（电子证照）",
			"PROPERTY_CERTIFICATE");

	static final Material SALE_CONTRACT = Material.upload("SALE_CONTRACT", "存量房买卖合同（网签）", MaterialForm.ORIGINAL,
			1);

	static final Material DEATH_CERT = Material.eLicense("DEATH_CERTIFICATE", "居民死亡医学证明（推断）书（电子证照）",
			"DEATH_CERTIFICATE");

	static final Material LAYOUT = Material.upload("LAYOUT_PLAN", "经营场所平面布局图", MaterialForm.ELECTRONIC, 1);

	static final Material BANK_ACCOUNT = Material.upload("BANK_ACCOUNT", "本人银行结算账户信息", MaterialForm.ELECTRONIC, 1);

	static final List<SeedItem> ITEMS = new ArrayList<>();

	static {
		// ---- 市场监管 SCJG ------------------------------------------------------------------------------
		add(i("44030000SCJG-XK-0001", "食品经营许可（餐饮服务）", PERMIT, "SCJG", "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》",
				20, 10).visits(0).depth(4).legal().events(QUALIFICATION)
			.materials(APPLICATION_FORM, BUSINESS_LICENSE, LEGAL_REP_ID, PREMISES, LAYOUT,
					Material.upload("FOOD_SAFETY_RULES", "食品安全管理制度文本", MaterialForm.ELECTRONIC, 1),
					Material.upload("ALCOHOL_COMMITMENT", "酒类经营承诺书", MaterialForm.ELECTRONIC, 1)
						.onlyWhen("经营酒类的"))
			.license("FOOD_BUSINESS", "食品经营许可证", 5)
			.aliases("餐饮服务许可", "开饭店许可", "餐饮许可证")
			.keywords("饭店", "餐馆", "餐厅", "小吃店", "食品经营许可证"));
		add(i("44030000SCJG-QR-0001", "个体工商户设立登记", CONFIRMATION, "SCJG", "《促进个体工商户发展条例》第八条；《市场主体登记管理条例》",
				15, 3).visits(0).depth(4).natural().events(ESTABLISHMENT)
			.materials(APPLICATION_FORM, LEGAL_REP_ID, PREMISES)
			.license("INDIVIDUAL_BUSINESS", "个体工商户营业执照", 0)
			.aliases("个体户营业执照", "个体户注册")
			.keywords("营业执照", "个体户", "开店"));
		add(i("44030000SCJG-QR-0002", "企业设立登记", CONFIRMATION, "SCJG", "《中华人民共和国市场主体登记管理条例》第三条、第十六条", 15, 1)
			.visits(0)
			.depth(4)
			.legal()
			.events(ESTABLISHMENT)
			.materials(APPLICATION_FORM, LEGAL_REP_ID, PREMISES,
					Material.upload("ARTICLES", "公司章程", MaterialForm.ELECTRONIC, 1))
			.license("BUSINESS_LICENSE", "营业执照", 0)
			.aliases("公司注册", "工商注册", "办营业执照")
			.keywords("营业执照", "开公司", "注册公司", "有限责任公司"));
		add(i("44030000SCJG-QR-0003", "企业变更登记", CONFIRMATION, "SCJG", "《中华人民共和国市场主体登记管理条例》第二十四条", 15, 1)
			.visits(0).depth(4).legal().events(CHANGE)
			.materials(APPLICATION_FORM, BUSINESS_LICENSE, Material.upload("CHANGE_RESOLUTION", "变更决议或决定",
					MaterialForm.ELECTRONIC, 1))
			.license("BUSINESS_LICENSE", "营业执照", 0)
			.keywords("变更地址", "变更法人", "变更经营范围"));
		add(i("44030000SCJG-QR-0004", "企业注销登记", CONFIRMATION, "SCJG", "《中华人民共和国市场主体登记管理条例》第三十一条", 15, 3)
			.visits(0).depth(4).legal().events(DEREGISTRATION)
			.materials(APPLICATION_FORM, BUSINESS_LICENSE, Material.upload("LIQUIDATION_REPORT", "清算报告",
					MaterialForm.ELECTRONIC, 1), Material.eLicense("TAX_CLEARANCE", "清税证明（电子证照）", "TAX_CLEARANCE"))
			.keywords("公司注销", "关闭公司"));
		add(i("44030000SCJG-XK-0002", "食品生产许可", PERMIT, "SCJG", "《中华人民共和国食品安全法》第三十五条；《食品生产许可管理办法》", 20, 10)
			.visits(1).depth(3).legal().events(QUALIFICATION)
			.materials(APPLICATION_FORM, BUSINESS_LICENSE, LAYOUT,
					Material.upload("PROCESS_FLOW", "食品生产工艺流程图", MaterialForm.ELECTRONIC, 1))
			.license("FOOD_PRODUCTION", "食品生产许可证", 5)
			.keywords("食品厂", "食品加工"));
		add(i("44030000SCJG-QR-0005", "特种设备使用登记", CONFIRMATION, "SCJG", "《中华人民共和国特种设备安全法》第三十三条", 15, 5)
			.visits(0).depth(4).legal().events(OPERATION)
			.materials(BUSINESS_LICENSE, Material.upload("EQUIPMENT_CERT", "特种设备产品合格证", MaterialForm.COPY, 1))
			.keywords("电梯", "锅炉", "压力容器"));
		add(i("44030000SCJG-XK-0004", "药品经营许可", PERMIT, "SCJG", "《中华人民共和国药品管理法》第五十一条", 30, 20).level(ItemLevel.MAIN)
			.legal().events(QUALIFICATION));
		add(i("44030000SCJG-XK-0004-001", "药品零售企业许可", PERMIT, "SCJG", "《中华人民共和国药品管理法》第五十一条；《药品经营许可证管理办法》",
				30, 20).level(ItemLevel.SUB).legal().events(QUALIFICATION));
		add(i("44030000SCJG-XK-0004-001-001", "药品零售企业许可（新办）", PERMIT, "SCJG",
				"《中华人民共和国药品管理法》第五十一条；《药品经营许可证管理办法》第四条", 30, 15)
			.visits(1).depth(3).legal().events(QUALIFICATION)
			.materials(APPLICATION_FORM, BUSINESS_LICENSE, PREMISES, LAYOUT,
					Material.upload("PHARMACIST_CERT", "执业药师注册证", MaterialForm.COPY, 1))
			.license("DRUG_RETAIL", "药品经营许可证", 5)
			.aliases("开药店")
			.keywords("药店", "药房"));
		add(i("44030000SCJG-XK-0004-001-002", "药品零售企业许可（变更）", PERMIT, "SCJG",
				"《中华人民共和国药品管理法》第五十一条；《药品经营许可证管理办法》第十四条", 15, 10)
			.visits(0).depth(4).legal().events(CHANGE)
			.materials(APPLICATION_FORM, Material.eLicense("DRUG_RETAIL", "药品经营许可证（电子证照）", "DRUG_RETAIL"))
			.license("DRUG_RETAIL", "药品经营许可证", 5)
			.keywords("药店变更"));

		// ---- 卫生健康 WSJK ------------------------------------------------------------------------------
		add(i("44030000WSJK-XK-0001", "公共场所卫生许可", PERMIT, "WSJK", "《公共场所卫生管理条例》第八条", 20, 10)
			.visits(1).depth(3).legal().events(QUALIFICATION)
			.materials(APPLICATION_FORM, BUSINESS_LICENSE, LAYOUT,
					Material.upload("HYGIENE_TEST", "卫生检测报告", MaterialForm.ELECTRONIC, 1))
			.license("PUBLIC_HYGIENE", "公共场所卫生许可证", 4)
			.keywords("卫生许可证", "宾馆", "美容美发", "游泳馆"));
		add(i("44030000WSJK-QR-0001", "出生医学证明签发", CONFIRMATION, "WSJK", "《中华人民共和国母婴保健法》第二十三条", 5, 1)
			.visits(1).depth(2).natural().events(BIRTH).body("助产机构（医院）")
			.materials(ID, Material.upload("BIRTH_RECORD", "新生儿分娩记录（医院出具）", MaterialForm.ORIGINAL, 1))
			.license("BIRTH_CERTIFICATE", "出生医学证明", 0)
			.keywords("出生证", "出生证明", "生孩子"));
		add(i("44030000WSJK-GG-0001", "生育登记", PUBLIC_SERVICE, "WSJK", "《中华人民共和国人口与计划生育法》第十八条", 1, 0)
			.visits(0).depth(4).natural().events(BIRTH, MARRIAGE)
			.materials(ID, HOUSEHOLD)
			.keywords("生育服务证", "准生证"));
		add(i("44030000WSJK-GG-0002", "预防接种证办理", PUBLIC_SERVICE, "WSJK", "《中华人民共和国疫苗管理法》第四十七条", 1, 0)
			.visits(1).depth(2).natural().events(BIRTH, LifeEvent.EDUCATION)
			.materials(BIRTH_CERT)
			.keywords("疫苗本", "打疫苗", "接种本"));
		add(i("44030000WSJK-QT-0001", "诊所备案", OTHER_POWER, "WSJK", "《医疗机构管理条例》第九条", 10, 5)
			.visits(1).depth(3).events(QUALIFICATION)
			.materials(APPLICATION_FORM, BUSINESS_LICENSE, PREMISES,
					Material.upload("DOCTOR_LICENSE", "医师执业证书", MaterialForm.COPY, 1))
			.keywords("开诊所", "门诊部"));
		add(i("44030000WSJK-QR-0002", "居民死亡医学证明（推断）书签发", CONFIRMATION, "WSJK", "《人口死亡信息登记管理规范（试行）》",
				3, 1)
			.visits(1).depth(1).natural().events(DEATH).body("医疗卫生机构")
			.materials(ID, Material.upload("DEATH_INFO", "死者身份证件及家属身份证明", MaterialForm.COPY, 1))
			.license("DEATH_CERTIFICATE", "居民死亡医学证明（推断）书", 0)
			.keywords("死亡证明", "去世"));

		// ---- 消防救援 XFJY ------------------------------------------------------------------------------
		add(i("44030000XFJY-XK-0001", "公众聚集场所投入使用、营业前消防安全检查", PERMIT, "XFJY", "《中华人民共和国消防法》第十五条", 10, 7)
			.visits(1).depth(3).legal().events(QUALIFICATION)
			.materials(APPLICATION_FORM, BUSINESS_LICENSE, PREMISES, LAYOUT,
					Material.upload("FIRE_COMMITMENT", "消防安全告知承诺书", MaterialForm.ELECTRONIC, 1))
			.license("FIRE_SAFETY", "公众聚集场所投入使用、营业前消防安全检查合格证", 0)
			.aliases("消防检查", "消防安全检查合格证")
			.keywords("消防", "开业前消防"));
		add(i("44030000XFJY-QR-0001", "火灾事故认定", CONFIRMATION, "XFJY", "《中华人民共和国消防法》第五十一条；《火灾事故调查规定》", 30, 30)
			.visits(2).depth(1).events(OPERATION)
			.materials(ID, Material.upload("FIRE_LOSS", "火灾损失申报材料", MaterialForm.ORIGINAL, 1))
			.keywords("火灾", "失火"));

		// ---- 生态环境 STHJ ------------------------------------------------------------------------------
		add(i("44030000STHJ-QR-0001", "建设项目环境影响登记表备案", CONFIRMATION, "STHJ", "《中华人民共和国环境影响评价法》第二十二条；《建设项目环境影响登记表备案管理办法》",
				1, 0).visits(0).depth(4).legal().events(QUALIFICATION, INVESTMENT_CONSTRUCTION)
			.materials(LEGAL_PERSON_DATA, Material.upload("EIA_FORM", "环境影响登记表（在线填报）", MaterialForm.ELECTRONIC, 1))
			.aliases("环评备案", "环保备案")
			.keywords("环评", "油烟", "餐饮油烟"));
		add(i("44030000STHJ-XK-0001", "建设项目环境影响报告表审批", PERMIT, "STHJ", "《中华人民共和国环境影响评价法》第二十二条", 30, 15)
			.visits(1).depth(3).legal().events(INVESTMENT_CONSTRUCTION)
			.materials(APPLICATION_FORM, LEGAL_PERSON_DATA, Material.upload("EIA_REPORT", "环境影响报告表", MaterialForm.ELECTRONIC, 1))
			.license("EIA_APPROVAL", "建设项目环境影响报告表批复", 5)
			.keywords("环评审批", "环境影响评价"));
		add(i("44030000STHJ-XK-0002", "排污许可", PERMIT, "STHJ", "《排污许可管理条例》第二条", 30, 20)
			.visits(0).depth(4).legal().events(OPERATION)
			.materials(APPLICATION_FORM, BUSINESS_LICENSE,
					Material.upload("DISCHARGE_PLAN", "自行监测方案", MaterialForm.ELECTRONIC, 1))
			.license("POLLUTANT_DISCHARGE", "排污许可证", 5)
			.keywords("排污证", "废水", "废气"));
		add(i("44030000STHJ-QR-0002", "固定污染源排污登记", CONFIRMATION, "STHJ", "《排污许可管理条例》第二十四条", 1, 0)
			.visits(0).depth(4).legal().events(OPERATION)
			.materials(LEGAL_PERSON_DATA)
			.keywords("排污登记"));

		// ---- 城市管理 CSGL (户外招牌 at district level 440304 福田) ---------------------------------------------
		add(i("44030400CSGL-XK-0001", "户外招牌设置审批", PERMIT, "CSGL", "《城市市容和环境卫生管理条例》第十一条；《深圳市户外广告管理办法》（演示）",
				20, 5).visits(0).depth(4).legal().events(QUALIFICATION, OPERATION).body("福田区城市管理和综合执法局")
			.materials(APPLICATION_FORM, BUSINESS_LICENSE, PREMISES,
					Material.upload("SIGN_DESIGN", "招牌设计效果图", MaterialForm.ELECTRONIC, 1))
			.license("OUTDOOR_SIGN", "户外招牌设置许可决定书", 3)
			.aliases("门头招牌", "店招审批")
			.keywords("招牌", "广告牌", "门头"));
		add(i("44030000CSGL-XK-0001", "城市建筑垃圾处置核准", PERMIT, "CSGL", "《城市建筑垃圾管理规定》第七条", 20, 10)
			.visits(0).depth(4).legal().events(INVESTMENT_CONSTRUCTION)
			.materials(APPLICATION_FORM, BUSINESS_LICENSE, Material.upload("WASTE_PLAN", "建筑垃圾处置方案", MaterialForm.ELECTRONIC, 1))
			.license("CONSTRUCTION_WASTE", "建筑垃圾处置核准文件", 1)
			.keywords("渣土", "装修垃圾"));
		add(i("44030000CSGL-QR-0001", "餐厨垃圾产生单位申报登记", CONFIRMATION, "CSGL", "《餐厨垃圾管理办法》（演示）第八条", 5, 2)
			.visits(0).depth(4).legal().events(OPERATION)
			.materials(LEGAL_PERSON_DATA, Material.upload("KITCHEN_WASTE_CONTRACT", "餐厨垃圾收运协议", MaterialForm.ELECTRONIC, 1))
			.keywords("泔水", "厨余垃圾", "餐饮垃圾"));
		add(i("44030000CSGL-XK-0002", "临时占用城市绿地审批", PERMIT, "CSGL", "《城市绿化条例》第二十条", 20, 10)
			.visits(1).depth(3).events(INVESTMENT_CONSTRUCTION)
			.materials(APPLICATION_FORM, Material.upload("SITE_PLAN", "占用位置平面图", MaterialForm.ELECTRONIC, 1))
			.keywords("占用绿地"));

		// ---- 公安 GA -----------------------------------------------------------------------------------
		add(i("44030000GA-QR-0001", "出生登记（新生儿落户）", CONFIRMATION, "GA", "《中华人民共和国户口登记条例》第七条", 5, 1)
			.visits(0).depth(4).natural().events(BIRTH)
			.materials(BIRTH_CERT, HOUSEHOLD, Material.upload("MARRIAGE_CERT", "父母结婚证", MaterialForm.COPY, 1)
				.onlyWhen("父母已登记结婚的"))
			.aliases("新生儿上户口", "报户口")
			.keywords("户口", "落户", "上户口"));
		add(i("44030000GA-QR-0002", "居民身份证申领", CONFIRMATION, "GA", "《中华人民共和国居民身份证法》第八条", 60, 20)
			.visits(1).depth(2).natural().events(LifeEvent.EDUCATION)
			.fee("居民身份证工本费", "20", "《居民身份证法》第二十条；发改价格〔2003〕2322号")
			.materials(HOUSEHOLD, Material.upload("PHOTO", "数码照片回执", MaterialForm.ELECTRONIC, 1))
			.keywords("身份证", "办身份证"));
		add(i("44030000GA-QR-0005", "机动车注册登记", CONFIRMATION, "GA", "《中华人民共和国道路交通安全法》第八条；《机动车登记规定》第十条", 5, 1)
			.visits(1).depth(2).natural().events(VEHICLES)
			.fee("机动车号牌工本费", "100", "发改价格〔2004〕2831号").fee("行驶证工本费", "10", "发改价格〔2004〕2831号")
			.materials(ID, Material.upload("VEHICLE_INVOICE", "机动车销售统一发票", MaterialForm.ORIGINAL, 1),
					Material.upload("VEHICLE_INSURANCE", "交强险凭证", MaterialForm.ELECTRONIC, 1))
			.license("VEHICLE_REGISTRATION", "机动车登记证书", 0)
			.aliases("新车上牌")
			.keywords("上牌", "车牌", "买车"));
		add(i("44030000GA-XK-0002", "机动车驾驶证申领", PERMIT, "GA", "《中华人民共和国道路交通安全法》第十九条", 10, 1)
			.visits(1).depth(2).natural().events(VEHICLES)
			.fee("驾驶证工本费", "10", "发改价格〔2004〕2831号")
			.materials(ID, Material.upload("HEALTH_CHECK", "驾驶人身体条件证明", MaterialForm.ELECTRONIC, 1))
			.license("DRIVING_LICENSE", "机动车驾驶证", 6)
			.keywords("驾照", "考驾照"));
		add(i("44030000GA-QR-0003", "户口迁移（夫妻投靠）", CONFIRMATION, "GA", "《中华人民共和国户口登记条例》第十条", 20, 10)
			.visits(1).depth(3).natural().events(MARRIAGE, HOUSING)
			.materials(ID, HOUSEHOLD, Material.upload("MARRIAGE_CERT", "结婚证", MaterialForm.COPY, 1), PROPERTY)
			.keywords("婚后落户", "随迁", "结婚"));
		add(i("44030000GA-QR-0004", "死亡人员户口注销", CONFIRMATION, "GA", "《中华人民共和国户口登记条例》第八条", 1, 0)
			.visits(0).depth(4).natural().events(DEATH)
			.materials(DEATH_CERT, HOUSEHOLD)
			.keywords("销户", "去世注销户口"));
		add(i("44030000GA-QT-0001", "印章刻制备案", OTHER_POWER, "GA", "《印铸刻字业暂行管理规则》第四条", 1, 0)
			.visits(0).depth(4).legal().events(ESTABLISHMENT)
			.materials(BUSINESS_LICENSE, LEGAL_REP_ID)
			.aliases("刻公章", "公章备案")
			.keywords("公章", "印章"));

		// ---- 人社 RSJ ----------------------------------------------------------------------------------
		add(i("44030000RSJ-QR-0001", "单位社会保险登记", CONFIRMATION, "RSJ", "《中华人民共和国社会保险法》第五十七条", 15, 0)
			.visits(0).depth(4).legal().events(ESTABLISHMENT)
			.materials(BUSINESS_LICENSE, LEGAL_PERSON_DATA)
			.keywords("社保开户", "单位参保"));
		add(i("44030000RSJ-GG-0001", "就业登记", PUBLIC_SERVICE, "RSJ", "《中华人民共和国就业促进法》；《就业服务与就业管理规定》第六十二条", 5, 0)
			.visits(0).depth(4).natural().events(EMPLOYMENT)
			.materials(ID, Material.upload("LABOUR_CONTRACT", "劳动合同", MaterialForm.ELECTRONIC, 1))
			.keywords("找工作", "入职", "就业创业证"));
		add(i("44030000RSJ-JF-0001", "失业保险金申领", BENEFIT, "RSJ", "《中华人民共和国社会保险法》第四十五条；《失业保险条例》", 20, 5)
			.visits(0).depth(4).natural().events(EMPLOYMENT)
			.materials(ID, INSURANCE, BANK_ACCOUNT,
					Material.upload("TERMINATION_PROOF", "解除或终止劳动关系证明", MaterialForm.ELECTRONIC, 1))
			.keywords("失业金", "失业补助", "下岗"));
		add(i("44030000RSJ-JF-0002", "基本养老保险待遇申领", BENEFIT, "RSJ", "《中华人民共和国社会保险法》第十六条", 20, 10)
			.visits(0).depth(4).natural().events(RETIREMENT)
			.materials(ID, INSURANCE, BANK_ACCOUNT)
			.aliases("退休申请", "办退休")
			.keywords("养老金", "退休金", "退休"));
		add(i("44030000RSJ-JF-0003", "丧葬补助金、抚恤金申领", BENEFIT, "RSJ", "《中华人民共和国社会保险法》第四十九条", 20, 10)
			.visits(0).depth(4).natural().events(DEATH)
			.materials(DEATH_CERT, INSURANCE, BANK_ACCOUNT,
					Material.upload("KINSHIP_PROOF", "申领人与死者关系证明", MaterialForm.ELECTRONIC, 1))
			.keywords("抚恤金", "丧葬费", "去世"));
		add(i("44030000RSJ-GG-0002", "社会保障卡申领", PUBLIC_SERVICE, "RSJ", "《社会保障卡管理办法》（演示）", 20, 5)
			.visits(1).depth(3).natural().events(BIRTH, EMPLOYMENT)
			.materials(ID, HOUSEHOLD, Material.upload("PHOTO", "数码照片回执", MaterialForm.ELECTRONIC, 1))
			.license("SOCIAL_SECURITY_CARD", "社会保障卡", 10)
			.keywords("社保卡", "办社保卡"));

		// ---- 医保 YBJ ----------------------------------------------------------------------------------
		add(i("44030000YBJ-GG-0001", "新生儿参加基本医疗保险登记", PUBLIC_SERVICE, "YBJ", "《中华人民共和国社会保险法》第二十五条", 5, 1)
			.visits(0).depth(4).natural().events(BIRTH)
			.materials(BIRTH_CERT, HOUSEHOLD)
			.aliases("新生儿医保")
			.keywords("少儿医保", "宝宝医保"));
		add(i("44030000YBJ-JF-0001", "生育医疗费用报销及生育津贴申领", BENEFIT, "YBJ", "《中华人民共和国社会保险法》第五十四条", 30, 10)
			.visits(0).depth(4).natural().events(BIRTH)
			.materials(ID, BIRTH_CERT, INSURANCE, BANK_ACCOUNT)
			.keywords("生育津贴", "生育报销", "产假工资"));
		add(i("44030000YBJ-GG-0002", "单位职工基本医疗保险参保登记", PUBLIC_SERVICE, "YBJ", "《中华人民共和国社会保险法》第二十三条", 15, 0)
			.visits(0).depth(4).legal().events(ESTABLISHMENT)
			.materials(BUSINESS_LICENSE, LEGAL_PERSON_DATA)
			.keywords("医保开户", "单位医保"));
		add(i("44030000YBJ-GG-0003", "基本医疗保险关系转移接续", PUBLIC_SERVICE, "YBJ", "《流动就业人员基本医疗保障关系转移接续暂行办法》", 45, 15)
			.visits(0).depth(4).natural().events(EMPLOYMENT)
			.materials(ID, INSURANCE)
			.keywords("医保转移", "换工作"));
		add(i("44030000YBJ-QR-0001", "退休人员基本医疗保险待遇核定", CONFIRMATION, "YBJ", "《中华人民共和国社会保险法》第二十七条", 20, 10)
			.visits(0).depth(4).natural().events(RETIREMENT)
			.materials(ID, INSURANCE)
			.keywords("退休医保"));
		add(i("44030000YBJ-GG-0004", "参保人员死亡医保关系终止及个人账户继承", PUBLIC_SERVICE, "YBJ", "《中华人民共和国社会保险法》第十四条",
				20, 10)
			.visits(0).depth(4).natural().events(DEATH)
			.materials(DEATH_CERT, INSURANCE, BANK_ACCOUNT)
			.keywords("医保账户继承"));

		// ---- 住建 ZJJ ----------------------------------------------------------------------------------
		add(i("44030000ZJJ-XK-0001", "建筑工程施工许可", PERMIT, "ZJJ", "《中华人民共和国建筑法》第七条；《建筑工程施工许可管理办法》", 7, 3)
			.visits(0).depth(4).legal().events(INVESTMENT_CONSTRUCTION)
			.materials(APPLICATION_FORM, BUSINESS_LICENSE,
					Material.upload("LAND_USE", "建设工程规划许可证", MaterialForm.ELECTRONIC, 1),
					Material.upload("CONSTRUCTION_CONTRACT", "施工合同", MaterialForm.ELECTRONIC, 1))
			.license("CONSTRUCTION_PERMIT", "建筑工程施工许可证", 0)
			.keywords("施工证", "开工"));
		add(i("44030000ZJJ-QR-0001", "存量房买卖合同网签备案", CONFIRMATION, "ZJJ", "《中华人民共和国城市房地产管理法》第四十一条；《城市房地产转让管理规定》",
				3, 1)
			.visits(0).depth(4).natural().events(HOUSING)
			.materials(ID, PROPERTY, SALE_CONTRACT)
			.aliases("二手房网签")
			.keywords("二手房", "买房", "卖房", "房屋买卖"));
		add(i("44030000ZJJ-QR-0002", "不动产转移登记（存量房买卖）", CONFIRMATION, "ZJJ", "《不动产登记暂行条例》第十四条；《不动产登记暂行条例实施细则》",
				30, 5)
			.visits(1).depth(3).natural().events(HOUSING).body("不动产登记中心")
			.fee("不动产登记费（住宅）", "80", "发改价格规〔2016〕2559号")
			.materials(ID, PROPERTY_CERT, SALE_CONTRACT, Material.eLicense("TAX_RECEIPT", "完税凭证（电子）", "TAX_RECEIPT"))
			.license("PROPERTY_CERTIFICATE", "不动产权证书", 0)
			.aliases("房产过户", "二手房过户")
			.keywords("过户", "房产证", "不动产权证书"));
		add(i("44030000ZJJ-GG-0001", "住房公积金提取（购买住房）", PUBLIC_SERVICE, "ZJJ", "《住房公积金管理条例》第二十四条", 5, 1)
			.visits(0).depth(4).natural().events(HOUSING).body("住房公积金管理中心")
			.materials(ID, SALE_CONTRACT, BANK_ACCOUNT, Material.eLicense("TAX_RECEIPT", "完税凭证（电子）", "TAX_RECEIPT"))
			.keywords("公积金", "提公积金"));
		add(i("44030000ZJJ-GG-0002", "住房公积金提取（离退休）", PUBLIC_SERVICE, "ZJJ", "《住房公积金管理条例》第二十四条", 5, 1)
			.visits(0).depth(4).natural().events(RETIREMENT).body("住房公积金管理中心")
			.materials(ID, INSURANCE, BANK_ACCOUNT)
			.keywords("公积金", "退休提取"));

		// ---- 税务 SWJ ----------------------------------------------------------------------------------
		add(i("44030000SWJ-QR-0001", "新办纳税人套餐（税务登记信息确认）", CONFIRMATION, "SWJ", "《中华人民共和国税收征收管理法》第十五条", 1, 0)
			.visits(0).depth(4).legal().events(ESTABLISHMENT)
			.materials(BUSINESS_LICENSE, LEGAL_REP_ID)
			.aliases("税务登记", "税务报到")
			.keywords("报税", "纳税", "税务"));
		add(i("44030000SWJ-GG-0001", "发票领用", PUBLIC_SERVICE, "SWJ", "《中华人民共和国发票管理办法》第十五条", 1, 0)
			.visits(0).depth(4).legal().events(ESTABLISHMENT, OPERATION)
			.materials(BUSINESS_LICENSE, Material.upload("INVOICE_APPLICATION", "发票票种核定申请", MaterialForm.ELECTRONIC, 1))
			.keywords("发票", "领发票", "数电票"));
		add(i("44030000SWJ-ZS-0001", "契税申报缴纳（存量房）", LEVY, "SWJ", "《中华人民共和国契税法》第二条、第十一条", 1, 1)
			.visits(0).depth(4).natural().events(HOUSING)
			.materials(ID, SALE_CONTRACT, PROPERTY)
			.license("TAX_RECEIPT", "完税凭证", 0)
			.keywords("契税", "买房交税"));
		add(i("44030000SWJ-ZS-0002", "个人所得税（财产转让所得）申报", LEVY, "SWJ", "《中华人民共和国个人所得税法》第二条", 1, 1)
			.visits(0).depth(4).natural().events(HOUSING)
			.materials(ID, SALE_CONTRACT, PROPERTY, Material.upload("ORIGINAL_PURCHASE", "原购房合同及发票", MaterialForm.COPY, 1))
			.keywords("卖房个税", "个税"));
		add(i("44030000SWJ-QR-0002", "清税证明开具", CONFIRMATION, "SWJ", "《中华人民共和国税收征收管理法实施细则》第十五条", 20, 1)
			.visits(0).depth(4).legal().events(DEREGISTRATION)
			.materials(BUSINESS_LICENSE, LEGAL_PERSON_DATA)
			.license("TAX_CLEARANCE", "清税证明", 0)
			.keywords("税务注销", "清税"));
	}

	private DemoCatalog() {
	}

	private static void add(I builder) {
		ITEMS.add(builder.build());
	}

	static I i(String code, String name, ItemType type, String department, String legalBasis, int legalDays,
			int promisedDays) {
		return new I(code, name, type, department, legalBasis, legalDays, promisedDays);
	}

	/** A small builder so the demo list stays readable. */
	static final class I {

		private final String code;

		private final String name;

		private final ItemType type;

		private final String department;

		private final String legalBasis;

		private final int legalDays;

		private final int promisedDays;

		private ItemLevel level = ItemLevel.HANDLING;

		private String body;

		private int visits = 1;

		private int depth = 1;

		private Set<SubjectType> subjects = EnumSet.of(SubjectType.NATURAL_PERSON, SubjectType.LEGAL_PERSON);

		private Set<LifeEvent> events = EnumSet.noneOf(LifeEvent.class);

		private final List<Material> materials = new ArrayList<>();

		private final List<Fee> fees = new ArrayList<>();

		private String licenseType;

		private String licenseName;

		private int licenseValidity;

		private List<String> aliases = List.of();

		private List<String> keywords = List.of();

		I(String code, String name, ItemType type, String department, String legalBasis, int legalDays,
				int promisedDays) {
			this.code = code;
			this.name = name;
			this.type = type;
			this.department = department;
			this.legalBasis = legalBasis;
			this.legalDays = legalDays;
			this.promisedDays = promisedDays;
		}

		I level(ItemLevel value) {
			this.level = value;
			return this;
		}

		I body(String value) {
			this.body = value;
			return this;
		}

		I visits(int value) {
			this.visits = value;
			return this;
		}

		I depth(int value) {
			this.depth = value;
			return this;
		}

		I legal() {
			this.subjects = EnumSet.of(SubjectType.LEGAL_PERSON);
			return this;
		}

		I natural() {
			this.subjects = EnumSet.of(SubjectType.NATURAL_PERSON);
			return this;
		}

		I events(LifeEvent... values) {
			this.events = EnumSet.copyOf(List.of(values));
			return this;
		}

		I materials(Material... values) {
			this.materials.addAll(List.of(values));
			return this;
		}

		I fee(String feeName, String yuan, String basis) {
			this.fees.add(new Fee(feeName, new BigDecimal(yuan), basis));
			return this;
		}

		I license(String licenceType, String name, int validity) {
			this.licenseType = licenceType;
			this.licenseName = name;
			this.licenseValidity = validity;
			return this;
		}

		I aliases(String... values) {
			this.aliases = List.of(values);
			return this;
		}

		I keywords(String... values) {
			this.keywords = List.of(values);
			return this;
		}

		SeedItem build() {
			String departmentName = DEPARTMENTS.get(department);
			Set<Channel> channels = depth >= 3 ? EnumSet.of(Channel.ONLINE, Channel.MOBILE, Channel.WINDOW)
					: EnumSet.of(Channel.WINDOW, Channel.ONLINE);
			List<String> steps = level == ItemLevel.HANDLING ? List.of("申请", "受理", "审查", "决定", "送达") : List.of();
			List<Location> locations = List.of(new Location("市民中心政务服务大厅（演示）", "深圳市福田区福中三路市民中心B区（演示地址）",
					"工作日 9:00-12:00, 14:00-18:00"));
			Contacts contacts = new Contacts("12345 转 " + departmentName + "（演示）", "12345 政务服务便民热线（演示）");
			ItemDefinition definition = new ItemDefinition(name, type, level, department, departmentName,
					body == null ? "深圳市" + departmentName : body, legalBasis, legalDays, promisedDays, fees,
					level == ItemLevel.HANDLING ? visits : 0, depth, channels, subjects,
					level == ItemLevel.HANDLING ? List.of("申请人符合法定条件（演示）") : List.of(), steps, locations, contacts,
					level == ItemLevel.HANDLING ? materials : List.of(), licenseType, licenseName, licenseValidity,
					events, aliases, keywords);
			return new SeedItem(code, definition);
		}

	}

}
