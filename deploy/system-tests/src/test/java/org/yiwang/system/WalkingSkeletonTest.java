package org.yiwang.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.local.PlatformRuntime;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton, end to end, through the gateway with real Keycloak tokens, a real Kafka broker and the
 * Mongo wire server, every service its own process: a department admin publishes an item → a citizen applies →
 * application-service emits the event over Kafka → an officer approves → license-service issues the licence →
 * the citizen lists it. Plus the security edges of that path.
 */
class WalkingSkeletonTest {

	static PlatformRuntime platform;

	static String api;

	@BeforeAll
	static void platformIsUp() {
		platform = PlatformUnderTest.get();
		api = platform.gatewayUrl() + "/api/v1";
	}

	static final String ITEM = """
			{"itemCode":"44030000SCJG-XK-0777","name":"小餐饮经营许可（端到端测试）","type":"PERMIT",
			 "departmentCode":"SCJG","departmentName":"市场监督管理局","legalBasis":"《食品安全法》第三十五条",
			 "legalDays":20,"promisedDays":5,"licenseType":"SMALL_CATERING","licenseName":"小餐饮经营许可证",
			 "licenseValidityYears":3}
			""";

	@Test
	void itemPublishedApplicationApprovedLicenceIssuedAndListed() {
		String admin = Tokens.user(platform, "admin-scjg");
		String citizen = Tokens.user(platform, "zhangsan");
		String officer = Tokens.user(platform, "officer-scjg");

		assertThat(Http.post(api + "/catalog/items", admin, ITEM).status()).isEqualTo(201);
		Http.Response published = Http.post(api + "/catalog/items/44030000SCJG-XK-0777/publish", admin, "");
		assertThat(published.status()).as(published.toString()).isEqualTo(200);
		assertThat(Http.get(api + "/catalog/items/44030000SCJG-XK-0777", null).json().get("status").asString())
			.isEqualTo("PUBLISHED");

		// application-service learns the item from catalog.events
		Http.Response submitted = eventually(() -> Http.post(api + "/applications", citizen,
				"{\"itemCode\":\"44030000SCJG-XK-0777\"}"), r -> r.status() == 201);
		String applicationId = submitted.json().get("id").asString();
		String caseId = submitted.json().get("cases").get(0).get("caseId").asString();

		Http.Response cases = Http.get(api + "/cases?size=100", officer);
		assertThat(cases.status()).isEqualTo(200);
		assertThat(cases.body()).contains(caseId);
		Http.Response approved = Http.post(api + "/cases/" + caseId + "/approve", officer, "");
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

		// license-service issues from application.events; the citizen sees it in the wallet
		Http.Response wallet = eventually(() -> Http.get(api + "/licenses", citizen),
				r -> r.status() == 200 && r.body().contains(caseId));
		JsonNode licence = first(wallet.json().get("items"), caseId);
		assertThat(licence.get("typeName").asString()).isEqualTo("小餐饮经营许可证");
		assertThat(licence.get("status").asString()).isEqualTo("VALID");
		String number = licence.get("number").asString();
		assertThat(number).startsWith("SMALL_CATERING-SCJG-");

		// ... and the licence number comes back to the application over license.events
		eventually(() -> Http.get(api + "/applications/" + applicationId, citizen),
				r -> r.status() == 200 && r.body().contains(number));

		// nobody else sees any of it
		String other = Tokens.user(platform, "lisi");
		assertThat(Http.get(api + "/applications/" + applicationId, other).status()).isEqualTo(404);
		assertThat(Http.get(api + "/licenses/" + number, other).status()).isEqualTo(404);
		assertThat(Http.get(api + "/licenses", other).body()).doesNotContain(number);
		String otherOfficer = Tokens.user(platform, "officer-wsjk");
		assertThat(Http.get(api + "/cases?size=100", otherOfficer).body()).doesNotContain(caseId);
		assertThat(Http.post(api + "/cases/" + caseId + "/approve", otherOfficer, "").status()).isEqualTo(404);
	}

	@Test
	void departmentSystemListsItsCasesWithClientCredentials() {
		String system = Tokens.client(platform, "dept-scjg-system", platform.secrets().get("DEPT_SYSTEM_SECRET"));
		Http.Response cases = Http.get(api + "/cases", system);
		assertThat(cases.status()).as(cases.toString()).isEqualTo(200);
		Http.Response me = Http.get(api + "/identity/me", system);
		assertThat(me.json().get("department").asString()).isEqualTo("SCJG");
	}

	@Test
	void demoCatalogIsSeededAndPublic() {
		Http.Response items = eventually(() -> Http.get(api + "/catalog/items?size=100", null),
				r -> r.status() == 200 && r.body().contains("44030000SCJG-XK-0001"));
		assertThat(items.body()).contains("食品经营许可（餐饮服务）");
		assertThat(items.headers().firstValue("X-Correlation-Id")).isPresent();
	}

	@Test
	void forgedOrMissingTokensAreRefused() {
		String citizen = Tokens.user(platform, "zhangsan");
		String[] parts = citizen.split("\\.");
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("zhangsan", "lisi");
		String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
		String algNone = Base64.getUrlEncoder().withoutPadding()
			.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";

		assertThat(Http.get(api + "/applications", null).status()).isEqualTo(401);
		assertThat(Http.get(api + "/applications", tampered).status()).isEqualTo(401);
		assertThat(Http.get(api + "/applications", algNone).status()).isEqualTo(401);
		assertThat(Http.get(api + "/applications", "garbage").status()).isEqualTo(401);
		// a genuine token of the same Keycloak, but of another realm: wrong issuer and keys
		Http.Response master = Http.form(platform.keycloakInternalUrl() + "/realms/master/protocol/openid-connect/token",
				java.util.Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password",
						platform.secrets().get("KEYCLOAK_ADMIN_PASSWORD")));
		assertThat(master.status()).as(master.toString()).isEqualTo(200);
		String otherRealm = master.json().get("access_token").asString();
		assertThat(Http.get(api + "/applications", otherRealm).status()).isEqualTo(401);
		assertThat(Http.get("http://127.0.0.1:18082/api/v1/applications", otherRealm).status()).isEqualTo(401);
		// the services check too, not only the gateway
		assertThat(Http.get("http://127.0.0.1:18082/api/v1/applications", tampered).status()).isEqualTo(401);
		assertThat(Http.get(api + "/applications", citizen).status()).isEqualTo(200);
	}

	@Test
	void citizenCannotEditTheCatalog() {
		String citizen = Tokens.user(platform, "zhangsan");
		Http.Response response = Http.post(api + "/catalog/items", citizen, ITEM.replace("0777", "0778"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("status").asInt()).isEqualTo(403);
	}

	static JsonNode first(JsonNode items, String caseId) {
		for (JsonNode item : items) {
			if (caseId.equals(item.get("caseId").asString())) {
				return item;
			}
		}
		throw new AssertionError("no item for case " + caseId + " in " + items);
	}

	static Http.Response eventually(Supplier<Http.Response> call, java.util.function.Predicate<Http.Response> done) {
		long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
		Http.Response last = null;
		while (System.nanoTime() < deadline) {
			last = call.get();
			if (done.test(last)) {
				return last;
			}
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("condition not reached within 45 s; last response: " + last);
	}

}
