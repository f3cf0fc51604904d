package org.yiwang.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.local.PlatformRuntime;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * identity-service against the REAL Keycloak: citizen registration, staff onboarding by a dept-admin (own
 * department only), department-system onboarding with client credentials, secret rotation and disabling. Every
 * account is checked by logging in with it and reading the token and {@code /me} through the gateway.
 */
class IdentityProvisioningTest {

	static PlatformRuntime platform;

	static String api;

	/**
	 * identity-service itself, for the anonymous self-registration: the gateway currently requires a token on every
	 * {@code /api/**} route (a public route for {@code POST /api/v1/identity/registrations} is up to the gateway).
	 */
	static final String IDENTITY_DIRECT = "http://127.0.0.1:18084/api/v1/identity";

	static final String PASSWORD = "Demo-Passw0rd-2026";

	@BeforeAll
	static void platformIsUp() {
		platform = PlatformUnderTest.get();
		api = platform.gatewayUrl() + "/api/v1";
	}

	@Test
	void aRegisteredCitizenLogsInAndIsKnownToMe() {
		String username = "e2e-citizen-" + suffix();
		String idNumber = idNumber();
		Http.Response registered = Http.post(IDENTITY_DIRECT + "/registrations", null, """
				{"username":"%s","password":"%s","name":"端到端测试居民","idNumber":"%s","phone":"13800138000",
				 "email":"%s@demo.yiwang.dev"}
				""".formatted(username, PASSWORD, idNumber, username));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		assertThat(registered.body()).doesNotContain(idNumber).doesNotContain("13800138000");
		String subject = registered.json().get("subject").asString();

		String token = passwordToken(username, PASSWORD);
		JsonNode claims = claims(token);
		assertThat(claims.get("sub").asString()).isEqualTo(subject);
		assertThat(roles(claims)).contains("citizen").doesNotContain("officer", "platform-admin");

		Http.Response me = Http.get(api + "/identity/me", token);
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.json().get("subject").asString()).isEqualTo(subject);
		assertThat(me.json().get("username").asString()).isEqualTo(username);
		assertThat(me.json().get("assuranceLevel").asString()).isEqualTo("SELF_DECLARED");
		assertThat(me.body()).doesNotContain(idNumber);

		// the same ID number cannot open a second account
		Http.Response again = Http.post(IDENTITY_DIRECT + "/registrations", null, """
				{"username":"%s-2","password":"%s","name":"重复","idNumber":"%s","email":"%s-2@demo.yiwang.dev"}
				""".formatted(username, PASSWORD, idNumber, username));
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
	}

	@Test
	void aDeptAdminOnboardsAnOfficerOfTheirOwnDepartmentOnly() {
		String admin = Tokens.user(platform, "admin-scjg");
		String username = "e2e-officer-" + suffix();
		String staff = """
				{"username":"%s","name":"端到端测试审批员","email":"%s@demo.yiwang.dev","initialPassword":"%s",
				 "roles":[%s]}
				""";
		Http.Response onboarded = Http.post(api + "/identity/departments/SCJG/staff", admin,
				staff.formatted(username, username, PASSWORD, "\"officer\""));
		assertThat(onboarded.status()).as(onboarded.toString()).isEqualTo(201);

		String token = passwordToken(username, PASSWORD);
		JsonNode claims = claims(token);
		assertThat(claims.get("department").asString()).isEqualTo("SCJG");
		assertThat(roles(claims)).contains("officer").doesNotContain("dept-admin", "platform-admin", "supervisor");
		Http.Response me = Http.get(api + "/identity/me", token);
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.json().get("department").asString()).isEqualTo("SCJG");

		Http.Response otherDepartment = Http.post(api + "/identity/departments/WSJK/staff", admin,
				staff.formatted(username + "-w", username + "-w", PASSWORD, "\"officer\""));
		assertThat(otherDepartment.status()).as(otherDepartment.toString()).isEqualTo(403);
		Http.Response escalation = Http.post(api + "/identity/departments/SCJG/staff", admin,
				staff.formatted(username + "-p", username + "-p", PASSWORD, "\"officer\",\"platform-admin\""));
		assertThat(escalation.status()).as(escalation.toString()).isEqualTo(403);
		// neither refused account exists in Keycloak
		assertThat(tokenResponse(username + "-w", PASSWORD).status()).isNotEqualTo(200);
		assertThat(tokenResponse(username + "-p", PASSWORD).status()).isNotEqualTo(200);

		String officer = Tokens.user(platform, "officer-scjg");
		assertThat(Http.post(api + "/identity/departments/SCJG/staff", officer,
				staff.formatted(username + "-o", username + "-o", PASSWORD, "\"officer\"")).status()).isEqualTo(403);
	}

	@Test
	void aDeptAdminOnboardsADepartmentSystemThatAuthenticatesWithClientCredentials() {
		String admin = Tokens.user(platform, "admin-scjg");
		String code = "e2e-" + suffix();
		Http.Response registered = Http.post(api + "/identity/departments/SCJG/systems", admin,
				"{\"code\":\"" + code + "\",\"name\":\"端到端测试业务系统\"}");
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		String clientId = registered.json().get("clientId").asString();
		String secret = registered.json().get("clientSecret").asString();
		assertThat(clientId).isEqualTo("dept-scjg-" + code);
		assertThat(secret).isNotBlank();

		String token = Tokens.client(platform, clientId, secret);
		JsonNode claims = claims(token);
		assertThat(claims.get("department").asString()).isEqualTo("SCJG");
		assertThat(roles(claims)).contains("dept-system");
		assertThat(audiences(claims)).contains("yiwang-api");
		Http.Response me = Http.get(api + "/identity/me", token);
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.json().get("department").asString()).isEqualTo("SCJG");
		assertThat(me.json().get("clientId").asString()).isEqualTo(clientId);

		// the secret is never shown again
		Http.Response listed = Http.get(api + "/identity/departments/SCJG/systems?size=100", admin);
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body()).contains(clientId).doesNotContain(secret);

		// another department's admin cannot touch it; a dept-admin cannot register into another department
		String wsjkOfficer = Tokens.user(platform, "officer-wsjk");
		assertThat(Http.post(api + "/identity/department-systems/" + clientId + "/rotate-secret", wsjkOfficer, "")
			.status()).isIn(403, 404);
		assertThat(Http.post(api + "/identity/departments/WSJK/systems", admin,
				"{\"code\":\"" + code + "-x\",\"name\":\"越权\"}").status()).isEqualTo(403);

		Http.Response rotated = Http.post(api + "/identity/department-systems/" + clientId + "/rotate-secret", admin,
				"");
		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
		String newSecret = rotated.json().get("clientSecret").asString();
		assertThat(newSecret).isNotEqualTo(secret);
		assertThat(clientTokenResponse(clientId, secret).status()).as("old secret refused").isNotEqualTo(200);
		assertThat(clientTokenResponse(clientId, newSecret).status()).isEqualTo(200);

		Http.Response disabled = Http.post(api + "/identity/department-systems/" + clientId + "/disable", admin, "");
		assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
		assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
		assertThat(clientTokenResponse(clientId, newSecret).status()).as("disabled client refused").isNotEqualTo(200);
	}

	@Test
	void theLegalRepresentativeAuthorisesAnAgentAndServicesSeeItUntilRevoked() {
		String repIdNumber = idNumber();
		String rep = "e2e-rep-" + suffix();
		String agent = "e2e-agent-" + suffix();
		String agentSubject = register(agent, idNumber());
		register(rep, repIdNumber);
		String uscc = uscc();

		String officer = Tokens.user(platform, "officer-scjg");
		Http.Response enterprise = Http.post(api + "/identity/enterprises", officer, """
				{"uscc":"%s","name":"深圳市端到端测试餐饮有限公司（演示）","type":"COMPANY","legalRepresentativeName":"端到端法人",
				 "legalRepresentativeIdNumber":"%s"}
				""".formatted(uscc, repIdNumber));
		assertThat(enterprise.status()).as(enterprise.toString()).isEqualTo(201);

		String repToken = passwordToken(rep, PASSWORD);
		Http.Response repMe = Http.get(api + "/identity/me", repToken);
		assertThat(repMe.body()).contains(uscc).contains("LEGAL_REPRESENTATIVE");

		Http.Response granted = Http.post(api + "/identity/enterprises/" + uscc + "/authorizations", repToken,
				"{\"agentSubject\":\"" + agentSubject + "\",\"itemCodes\":[\"44030000SCJG-XK-0001\"],"
						+ "\"validUntil\":\"" + java.time.Instant.now().plus(java.time.Duration.ofDays(30)) + "\"}");
		assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
		String authorizationId = granted.json().get("id").asString();

		String agentToken = passwordToken(agent, PASSWORD);
		assertThat(roles(claims(agentToken))).contains("enterprise-agent");
		Http.Response agentMe = Http.get(api + "/identity/me", agentToken);
		assertThat(agentMe.body()).contains(uscc).contains("AGENT");

		String system = Tokens.client(platform, "dept-scjg-system", platform.secrets().get("DEPT_SYSTEM_SECRET"));
		String check = api + "/identity/authorizations/check?enterprise=" + uscc + "&agent=" + agentSubject + "&item=";
		assertThat(Http.get(check + "44030000SCJG-XK-0001", system).json().get("allowed").asBoolean()).isTrue();
		assertThat(Http.get(check + "44030000WSJK-XK-0009", system).json().get("allowed").asBoolean()).isFalse();

		// another service enforces it: application-service learns the grant over identity.events
		Http.Response applied = WalkingSkeletonTest.eventually(() -> Http.post(api + "/applications", agentToken,
				"{\"itemCode\":\"44030000SCJG-XK-0001\",\"enterprise\":\"" + uscc + "\"}"), r -> r.status() == 201);
		String applicationId = applied.json().get("id").asString();
		assertThat(applied.json().get("enterpriseUscc").asString()).isEqualTo(uscc);
		assertThat(Http.post(api + "/applications", agentToken,
				"{\"itemCode\":\"44030000WSJK-XK-0001\",\"enterprise\":\"" + uscc + "\"}").status())
			.as("item outside the authorisation").isEqualTo(403);
		assertThat(Http.get(api + "/applications/" + applicationId, agentToken).status()).isEqualTo(200);

		Http.Response revoked = delete(api + "/identity/enterprises/" + uscc + "/authorizations/" + authorizationId,
				repToken);
		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
		assertThat(Http.get(check + "44030000SCJG-XK-0001", system).json().get("allowed").asBoolean()).isFalse();
		assertThat(roles(claims(passwordToken(agent, PASSWORD)))).doesNotContain("enterprise-agent");
		// ... and application-service closes the enterprise's application to the agent, even with the old token
		WalkingSkeletonTest.eventually(() -> Http.get(api + "/applications/" + applicationId, agentToken),
				r -> r.status() == 404);
	}

	static Http.Response delete(String url, String token) {
		try {
			java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newBuilder()
				.version(java.net.http.HttpClient.Version.HTTP_1_1)
				.build()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
					.timeout(java.time.Duration.ofSeconds(30))
					.header("Authorization", "Bearer " + token)
					.DELETE()
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			return new Http.Response(response.statusCode(), response.body(), response.headers());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(url + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String register(String username, String idNumber) {
		Http.Response registered = Http.post(IDENTITY_DIRECT + "/registrations", null, """
				{"username":"%s","password":"%s","name":"端到端测试","idNumber":"%s","email":"%s@demo.yiwang.dev"}
				""".formatted(username, PASSWORD, idNumber, username));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		return registered.json().get("subject").asString();
	}

	static String passwordToken(String username, String password) {
		Http.Response response = tokenResponse(username, password);
		assertThat(response.status()).as("login of " + username + ": " + response).isEqualTo(200);
		return response.json().get("access_token").asString();
	}

	static Http.Response tokenResponse(String username, String password) {
		return Http.form(tokenEndpoint(), Map.of("grant_type", "password", "client_id", "yiwang-cli", "username",
				username, "password", password, "scope", "openid"));
	}

	static Http.Response clientTokenResponse(String clientId, String secret) {
		return Http.form(tokenEndpoint(),
				Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
	}

	static String tokenEndpoint() {
		return platform.keycloakInternalUrl() + "/realms/gov/protocol/openid-connect/token";
	}

	static JsonNode claims(String jwt) {
		String payload = jwt.split("\\.")[1];
		return Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

	static List<String> roles(JsonNode claims) {
		List<String> roles = new ArrayList<>();
		JsonNode realmAccess = claims.get("realm_access");
		if (realmAccess != null && realmAccess.get("roles") != null) {
			realmAccess.get("roles").forEach(role -> roles.add(role.asString()));
		}
		return roles;
	}

	/** {@code aud} may be a string or an array. */
	static List<String> audiences(JsonNode claims) {
		List<String> audiences = new ArrayList<>();
		JsonNode aud = claims.get("aud");
		if (aud == null) {
			return audiences;
		}
		if (aud.isArray()) {
			aud.forEach(a -> audiences.add(a.asString()));
		}
		else {
			audiences.add(aud.asString());
		}
		return audiences;
	}

	static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	/** A valid demo 统一社会信用代码 (GB 32100 MOD 31 check character). */
	static String uscc() {
		String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		int[] weights = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
		String first17 = "91440300MA5" + String.format("%06d", ThreadLocalRandom.current().nextInt(0, 1_000_000));
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += alphabet.indexOf(first17.charAt(i)) * weights[i];
		}
		return first17 + alphabet.charAt((31 - sum % 31) % 31);
	}

	/**
	 * A valid demo 公民身份号码 (深圳市福田区, random birth date 1970–2010 and sequence, so runs do not collide) with its
	 * GB 11643 check character.
	 */
	static String idNumber() {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		char[] check = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };
		java.time.LocalDate birth = java.time.LocalDate.of(1970, 1, 1)
			.plusDays(ThreadLocalRandom.current().nextInt(0, 14_600));
		String first17 = "440304" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
				+ String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000));
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + check[sum % 11];
	}

}
