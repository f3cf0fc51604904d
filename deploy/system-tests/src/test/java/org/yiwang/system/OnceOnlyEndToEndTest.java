package org.yiwang.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.local.PlatformRuntime;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yiwang.system.WalkingSkeletonTest.eventually;

/**
 * Submit once, across real services with real Keycloak tokens: a citizen's application gets its ID material from
 * the population registry through the exchange (application-service as svc-application, the citizen's verified ID
 * number resolved by identity-service, ZWFW's demo grant), and the citizen sees who used their data; an
 * enterprise's licence is found by another department through the exchange's e-licence library (exchange as
 * svc-exchange calling license-service) under a grant for supervision, and is revoked when the approval is
 * overturned. The service-to-service endpoints are not reachable from outside.
 */
class OnceOnlyEndToEndTest {

	static final String FOOD_ITEM = "44030000SCJG-XK-0001";

	static final String CATERING_USCC = "91440305MA5G8K2L7Y";

	static PlatformRuntime platform;

	static String api;

	@BeforeAll
	static void platformIsUp() {
		platform = PlatformUnderTest.get();
		api = platform.gatewayUrl() + "/api/v1";
	}

	@Test
	void theIdMaterialIsFetchedFromThePopulationRegistryAndTheCitizenSeesWhoUsedTheirData() {
		String citizen = Tokens.user(platform, "zhangsan");
		Http.Response submitted = eventually(() -> Http.post(api + "/applications", citizen,
				"{\"itemCode\":\"" + FOOD_ITEM + "\"}"), r -> r.status() == 201);
		String id = submitted.json().get("id").asString();

		Http.Response done = eventually(() -> Http.get(api + "/applications/" + id, citizen),
				r -> r.status() == 200 && "DONE".equals(r.json().path("prefillStatus").asString(null)));
		JsonNode requirement = find(done.json().get("requirements"), "key", "SHARED_DATA:GA-POPULATION");
		assertThat(requirement.get("status").asString()).as(done.body()).isEqualTo("SATISFIED");
		JsonNode material = find(done.json().get("materials"), "materialId", requirement.get("materialId").asString());
		assertThat(material.get("source").asString()).isEqualTo("SHARED_DATA");
		assertThat(material.get("providedBy").asString()).isEqualTo("公安局");
		assertThat(material.get("data").get("name").asString()).isEqualTo("张三");
		// what the registries cannot give is still asked for
		assertThat(find(done.json().get("requirements"), "key", "UPLOAD:FOOD_SAFETY_RULES").get("status").asString())
			.isEqualTo("OUTSTANDING");

		// 谁用了我的数据: the citizen sees the use, bound to this application, by the service centre
		Http.Response uses = Http.get(api + "/exchange/my-data-uses?size=50", citizen);
		assertThat(uses.status()).as(uses.toString()).isEqualTo(200);
		assertThat(uses.body()).contains(id).contains("GA-POPULATION");

		// the internal endpoints are refused from outside, and by the services themselves to people
		assertThat(Http.post(api + "/identity/subject-resolutions", citizen,
				"{\"subject\":\"5d1c2a9e-7f3b-4c8a-9e01-00000000a001\"}").status()).isEqualTo(403);
		assertThat(Http.post("http://127.0.0.1:18084/api/v1/identity/subject-resolutions", citizen, "{\"subject\":\"5d1c2a9e-7f3b-4c8a-9e01-00000000a001\"}")
			.status()).isEqualTo(403);
		assertThat(Http.post(api + "/licenses/library/queries", citizen, "{}").status()).isEqualTo(403);
	}

	@Test
	void anEnterpriseLicenceIsFoundThroughTheLibraryAndRevokedWhenItsApprovalIsOverturned() {
		String agent = Tokens.user(platform, "wangwu"); // authorised by 张三餐饮 in the demo seed
		String officer = Tokens.user(platform, "officer-scjg");
		String scjgAdmin = Tokens.user(platform, "admin-scjg");
		String platformAdmin = Tokens.user(platform, "platform-admin");

		Http.Response submitted = eventually(() -> Http.post(api + "/applications", agent,
				"{\"itemCode\":\"" + FOOD_ITEM + "\",\"enterprise\":\"" + CATERING_USCC + "\"}"), r -> r.status() == 201);
		String caseId = submitted.json().get("cases").get(0).get("caseId").asString();
		Http.Response approved = eventually(() -> Http.post(api + "/cases/" + caseId + "/approve", officer,
				"{\"licenseData\":{\"businessScope\":\"热食类食品制售\",\"premisesAddress\":\"深圳市南山区科技园路1号101\"}}"),
				r -> r.status() != 409);
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

		// the enterprise's wallet, for its authorised agent
		Http.Response wallet = eventually(() -> Http.get(api + "/licenses?enterprise=" + CATERING_USCC, agent),
				r -> r.status() == 200 && r.body().contains(caseId));
		JsonNode licence = find(wallet.json().get("items"), "caseId", caseId);
		String number = licence.get("number").asString();

		// another department reads the e-licence library through the exchange, under a grant for supervision
		Http.Response requested = Http.post(api + "/exchange/grants", scjgAdmin, """
				{"resourceCode":"LICENSE-LIBRARY","fields":["licenses","validLicenseCount"],
				 "purposeCategories":["SUPERVISION_ENFORCEMENT"],"purpose":"事中事后监管：核查餐饮单位持证情况",
				 "legalBasis":"《中华人民共和国食品安全法》第一百一十条","durationDays":30}""");
		assertThat(requested.status()).as(requested.toString()).isIn(201, 409);
		if (requested.status() == 201 && "REQUESTED".equals(requested.json().get("status").asString())) {
			Http.Response decided = Http.post(api + "/exchange/grants/" + requested.json().get("id").asString()
					+ "/approval", platformAdmin, "{\"revision\":" + requested.json().get("revision").asLong() + "}");
			assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
		}
		Http.Response library = Http.post(api + "/exchange/queries", officer, """
				{"resourceCode":"LICENSE-LIBRARY","subject":"%s","purposeCategory":"SUPERVISION_ENFORCEMENT",
				 "purpose":"事中事后监管：核查餐饮单位持证情况"}""".formatted(CATERING_USCC));
		assertThat(library.status()).as(library.toString()).isEqualTo(200);
		assertThat(library.body()).contains(number);

		// 撤销准予 by the department's leadership: the licence is revoked by license-service
		Http.Response overturned = Http.post(api + "/cases/" + caseId + "/overturn", scjgAdmin,
				"{\"reason\":\"申请人以欺骗手段取得许可\",\"legalBasis\":\"《中华人民共和国行政许可法》第六十九条第二款\"}");
		assertThat(overturned.status()).as(overturned.toString()).isEqualTo(200);
		eventually(() -> Http.get(api + "/licenses/" + number, agent),
				r -> r.status() == 200 && "REVOKED".equals(r.json().path("status").asString(null)));
	}

	@Test
	void theLegalRepresentativeActsForTheEnterpriseWithoutAnAuthorisation() {
		// zhangsan (a citizen account) is the legal representative of 张三餐饮 in identity-service's demo data
		String representative = Tokens.user(platform, "zhangsan");
		Http.Response submitted = eventually(() -> Http.post(api + "/applications", representative,
				"{\"itemCode\":\"" + FOOD_ITEM + "\",\"enterprise\":\"" + CATERING_USCC + "\"}"), r -> r.status() == 201);
		assertThat(submitted.json().get("enterpriseName").asString()).isEqualTo("深圳市南山区张三餐饮管理有限公司");
		Http.Response wallet = Http.get(api + "/licenses?enterprise=" + CATERING_USCC, representative);
		assertThat(wallet.status()).as(wallet.toString()).isEqualTo(200);
		// lisi represents another enterprise, not this one
		String other = Tokens.user(platform, "lisi");
		assertThat(Http.post(api + "/applications", other,
				"{\"itemCode\":\"" + FOOD_ITEM + "\",\"enterprise\":\"" + CATERING_USCC + "\"}").status()).isEqualTo(403);
		assertThat(Http.get(api + "/licenses?enterprise=" + CATERING_USCC, other).status()).isEqualTo(403);
		// and who used the enterprise's data: for its representative, not for others
		Http.Response uses = Http.get(api + "/exchange/my-data-uses?enterprise=" + CATERING_USCC, representative);
		assertThat(uses.status()).as(uses.toString()).isEqualTo(200);
		assertThat(Http.get(api + "/exchange/my-data-uses?enterprise=" + CATERING_USCC, other).status()).isEqualTo(403);
	}

	static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode node : array) {
			if (value.equals(node.path(field).asString(null))) {
				return node;
			}
		}
		throw new AssertionError("no element with " + field + "=" + value + " in " + array);
	}

}
