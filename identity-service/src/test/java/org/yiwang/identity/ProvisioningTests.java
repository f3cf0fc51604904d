package org.yiwang.identity;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yiwang.identity.testing.FakeKeycloak;
import org.yiwang.identity.testing.TestIds;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Registration, staff onboarding and department-system onboarding through the REST API, against the real Mongo
 * wire server and a Keycloak admin API stand-in on a real port; PII checked in the raw stored documents and in the
 * log output.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ProvisioningTests {

	static final FakeKeycloak KEYCLOAK = FakeKeycloak.get();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "identity-provisioning-test");
		registry.add("identity.keycloak.admin-url", KEYCLOAK::url);
		registry.add("identity.keycloak.client-secret", () -> "test-admin-secret");
		registry.add("identity.pii.key-dir",
				() -> Path.of("target", "test-keys", UUID.randomUUID().toString()).toString());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoTemplate mongo;

	static String registration(String username, String idNumber, String phone) {
		return """
				{"username":"%s","password":"Demo-Passw0rd-2026","name":"演示用户","idNumber":"%s","phone":"%s",
				 "email":"%s@demo.yiwang.dev"}
				""".formatted(username, idNumber, phone, username);
	}

	JsonNode json(MvcResult result) throws Exception {
		return FakeKeycloak.JSON.readTree(result.getResponse().getContentAsString());
	}

	@Test
	void aCitizenRegistersAndOnlyEncryptedNumbersAreStoredOrLogged(CapturedOutput output) throws Exception {
		String idNumber = TestIds.idNumber();
		String username = "citizen-" + UUID.randomUUID().toString().substring(0, 8);
		MvcResult result = mvc
			.perform(post("/api/v1/identity/registrations").contentType(MediaType.APPLICATION_JSON)
				.content(registration(username, idNumber, "13812345678")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.idNumber").value(idNumber.substring(0, 4) + "**********" + idNumber.substring(14)))
			.andExpect(jsonPath("$.phone").value("138****5678"))
			.andExpect(jsonPath("$.assuranceLevel").value("SELF_DECLARED"))
			.andReturn();
		String subject = json(result).get("subject").asString();

		FakeKeycloak.Request created = KEYCLOAK.requests("POST", "/admin/realms/gov/users")
			.stream()
			.filter(r -> r.path().equals("/admin/realms/gov/users") && r.body().contains(username))
			.findFirst()
			.orElseThrow();
		assertThat(created.authorization()).isEqualTo("Bearer admin-token");
		assertThat(created.json().get("credentials").get(0).get("temporary").asBoolean()).isFalse();
		assertThat(created.body()).doesNotContain(idNumber);
		assertThat(KEYCLOAK.requests("POST", "/admin/realms/gov/users/" + subject + "/role-mappings/realm"))
			.singleElement()
			.satisfies(r -> assertThat(r.body()).contains("\"name\":\"citizen\"").doesNotContain("officer"));

		List<Document> raw = mongo.getCollection("persons").find(new Document("subject", subject)).into(new java.util.ArrayList<>());
		assertThat(raw).hasSize(1);
		String stored = raw.get(0).toJson();
		assertThat(stored).doesNotContain(idNumber).doesNotContain(idNumber.substring(6, 14) + idNumber.substring(14, 17))
			.doesNotContain("13812345678")
			.contains("v1:");
		assertThat(output.getAll()).doesNotContain(idNumber).doesNotContain("13812345678");

		mvc.perform(get("/api/v1/identity/persons/me").with(TestJwts.citizen(subject)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(username));
		mvc.perform(get("/api/v1/identity/me").with(TestJwts.citizen(subject)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assuranceLevel").value("SELF_DECLARED"))
			.andExpect(jsonPath("$.enterprises").isEmpty());
		// staff find the person by ID number (keyed hash), masked
		mvc.perform(get("/api/v1/identity/persons").param("idNumber", idNumber).with(TestJwts.user("clerk", "ZWFW", "window-clerk")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value(subject))
			.andExpect(jsonPath("$.idNumber").value(idNumber.substring(0, 4) + "**********" + idNumber.substring(14)));
		mvc.perform(get("/api/v1/identity/persons").param("idNumber", idNumber).with(TestJwts.citizen("someone-else")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aSecondAccountForTheSameIdNumberIsRefusedAndBadNumbersNeverReachKeycloak(CapturedOutput output)
			throws Exception {
		String idNumber = TestIds.idNumber();
		mvc.perform(post("/api/v1/identity/registrations").contentType(MediaType.APPLICATION_JSON)
			.content(registration("first-" + UUID.randomUUID().toString().substring(0, 6), idNumber, "13912345678")))
			.andExpect(status().isCreated());
		int keycloakCalls = KEYCLOAK.requests.size();
		long persons = mongo.getCollection("persons").countDocuments();
		mvc.perform(post("/api/v1/identity/registrations").contentType(MediaType.APPLICATION_JSON)
			.content(registration("second-" + UUID.randomUUID().toString().substring(0, 6), idNumber, "13912345678")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("idNumber"));
		String wrongCheck = idNumber.substring(0, 17) + (idNumber.charAt(17) == '1' ? '2' : '1');
		mvc.perform(post("/api/v1/identity/registrations").contentType(MediaType.APPLICATION_JSON)
			.content(registration("third-" + UUID.randomUUID().toString().substring(0, 6), wrongCheck, "13912345678")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("idNumber"));
		mvc.perform(post("/api/v1/identity/registrations").contentType(MediaType.APPLICATION_JSON)
			.content(registration("fourth-" + UUID.randomUUID().toString().substring(0, 6), TestIds.idNumber(), "12345")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("phone"));
		assertThat(KEYCLOAK.requests.size()).isEqualTo(keycloakCalls);
		assertThat(mongo.getCollection("persons").countDocuments()).isEqualTo(persons);
		assertThat(output.getAll()).doesNotContain(idNumber).doesNotContain(wrongCheck);
	}

	@Test
	void aDeptAdminOnboardsStaffIntoTheirOwnDepartmentOnlyAndNeverGrantsPlatformRoles() throws Exception {
		String username = "officer-" + UUID.randomUUID().toString().substring(0, 8);
		String staff = """
				{"username":"%s","name":"林小燕","email":"%s@demo.yiwang.dev","initialPassword":"Demo-Passw0rd-2026",
				 "roles":[%s]}
				""";
		MvcResult result = mvc
			.perform(post("/api/v1/identity/departments/SCJG/staff").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(staff.formatted(username, username, "\"officer\"")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.department").value("SCJG"))
			.andReturn();
		String subject = json(result).get("subject").asString();
		FakeKeycloak.Request created = KEYCLOAK.requests("POST", "/admin/realms/gov/users")
			.stream()
			.filter(r -> r.body().contains(username))
			.findFirst()
			.orElseThrow();
		assertThat(created.json().get("attributes").get("department").get(0).asString()).isEqualTo("SCJG");
		assertThat(KEYCLOAK.requests("POST", "/admin/realms/gov/users/" + subject + "/role-mappings/realm"))
			.singleElement()
			.satisfies(r -> assertThat(r.body()).contains("\"officer\""));

		int calls = KEYCLOAK.requests.size();
		mvc.perform(post("/api/v1/identity/departments/WSJK/staff").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(staff.formatted(username + "w", username, "\"officer\"")))
			.andExpect(status().isForbidden());
		for (String role : List.of("platform-admin", "supervisor", "dept-system", "partner-app", "citizen")) {
			mvc.perform(post("/api/v1/identity/departments/SCJG/staff").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(staff.formatted(username + "x", username, "\"officer\",\"" + role + "\"")))
				.andExpect(status().isForbidden());
		}
		mvc.perform(post("/api/v1/identity/departments/SCJG/staff").with(TestJwts.officer("officer-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(staff.formatted(username + "y", username, "\"officer\"")))
			.andExpect(status().isForbidden());
		assertThat(KEYCLOAK.requests.size()).as("nothing sent to Keycloak").isEqualTo(calls);

		mvc.perform(get("/api/v1/identity/departments/SCJG/staff").with(TestJwts.deptAdmin("admin-scjg", "SCJG")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.username == '" + username + "')]").exists());
		mvc.perform(get("/api/v1/identity/departments/SCJG/staff").with(TestJwts.deptAdmin("admin-wsjk", "WSJK")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aDeptAdminOnboardsADepartmentSystemSeesTheSecretOnceRotatesAndDisablesIt() throws Exception {
		String code = "inspect-" + UUID.randomUUID().toString().substring(0, 6);
		MvcResult result = mvc
			.perform(post("/api/v1/identity/departments/SCJG/systems").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"" + code + "\",\"name\":\"食品抽检系统（演示）\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.clientId").value("dept-scjg-" + code))
			.andExpect(jsonPath("$.department").value("SCJG"))
			.andReturn();
		String clientId = "dept-scjg-" + code;
		String secret = json(result).get("clientSecret").asString();
		assertThat(secret).startsWith("secret-");
		var client = KEYCLOAK.client(clientId);
		assertThat(client).containsEntry("serviceAccountsEnabled", true).containsEntry("publicClient", false);
		assertThat(client.get("protocolMappers").toString()).contains("oidc-hardcoded-claim-mapper")
			.contains("claim.value=SCJG");
		assertThat(KEYCLOAK.requests("POST", "/admin/realms/gov/users/sa-")).anySatisfy(
				r -> assertThat(r.body()).contains("\"dept-system\""));
		assertThat(KEYCLOAK.requests("PUT", "/admin/realms/gov/clients/")).anySatisfy(
				r -> assertThat(r.path()).endsWith("/default-client-scopes/scope-aud"));
		assertThat(mongo.getCollection("department_systems").find(new Document("_id", clientId)).first().toJson())
			.doesNotContain(secret);

		mvc.perform(get("/api/v1/identity/departments/SCJG/systems").with(TestJwts.deptAdmin("admin-scjg", "SCJG")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.clientId == '" + clientId + "')].clientSecret").doesNotExist());
		mvc.perform(post("/api/v1/identity/departments/WSJK/systems").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"x-" + code + "\",\"name\":\"越权\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/identity/department-systems/" + clientId + "/rotate-secret")
			.with(TestJwts.deptAdmin("admin-wsjk", "WSJK"))).andExpect(status().isNotFound());

		MvcResult rotated = mvc
			.perform(post("/api/v1/identity/department-systems/" + clientId + "/rotate-secret")
				.with(TestJwts.deptAdmin("admin-scjg", "SCJG")))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(json(rotated).get("clientSecret").asString()).isNotEqualTo(secret);

		mvc.perform(post("/api/v1/identity/department-systems/" + clientId + "/disable")
			.with(TestJwts.deptAdmin("admin-scjg", "SCJG")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(false));
		assertThat(KEYCLOAK.client(clientId)).containsEntry("enabled", false);
		mvc.perform(post("/api/v1/identity/department-systems/" + clientId + "/rotate-secret")
			.with(TestJwts.deptAdmin("admin-scjg", "SCJG"))).andExpect(status().isConflict());
	}

	@Test
	void aPlatformAdminRotatesThePiiKeyAndStoredNumbersAreReEncrypted() throws Exception {
		String idNumber = TestIds.idNumber();
		MvcResult result = mvc
			.perform(post("/api/v1/identity/registrations").contentType(MediaType.APPLICATION_JSON)
				.content(registration("rot-" + UUID.randomUUID().toString().substring(0, 6), idNumber, "13712345678")))
			.andExpect(status().isCreated())
			.andReturn();
		String subject = json(result).get("subject").asString();
		String before = cipherOf(subject);

		mvc.perform(post("/api/v1/identity/pii-keys/rotate").with(TestJwts.user("ops", null, "platform-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reEncrypted").isNumber());
		String after = cipherOf(subject);
		assertThat(after.split(":")[1]).isNotEqualTo(before.split(":")[1]);
		mvc.perform(get("/api/v1/identity/persons").param("idNumber", idNumber).with(TestJwts.officer("o", "SCJG")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value(subject));
		mvc.perform(post("/api/v1/identity/pii-keys/rotate").with(TestJwts.deptAdmin("admin-scjg", "SCJG")))
			.andExpect(status().isForbidden());
	}

	String cipherOf(String subject) {
		Document person = mongo.getCollection("persons").find(new Document("subject", subject)).first();
		return ((Document) person.get("idNumber")).getString("cipher");
	}

	@Test
	void oneAccountPerIdNumberAndPerLoginIsGuardedByUniqueIndexes() {
		List<Document> indexes = mongo.getCollection("persons").listIndexes().into(new java.util.ArrayList<>());
		assertThat(indexes).anySatisfy(index -> {
			assertThat(index.get("key", Document.class)).containsKey("idNumberHash");
			assertThat(index.getBoolean("unique")).isTrue();
		});
		assertThat(indexes).anySatisfy(index -> {
			assertThat(index.get("key", Document.class)).containsKey("subject");
			assertThat(index.getBoolean("unique")).isTrue();
		});
	}

	@Test
	void departmentsAreSeeded() throws Exception {
		mvc.perform(get("/api/v1/identity/departments").with(TestJwts.citizen("c")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(11))
			.andExpect(jsonPath("$.items[?(@.code == 'SCJG')].name").value("市场监督管理局"));
		mvc.perform(get("/api/v1/identity/me").with(TestJwts.deptAdmin("admin-scjg", "SCJG")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.department").value("SCJG"))
			.andExpect(jsonPath("$.departmentName").value("市场监督管理局"));
	}

}
