package org.yiwang.identity.keycloak;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yiwang.identity.keycloak.KeycloakRequests.NewUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exactly what identity-service asks Keycloak to create. */
class KeycloakRequestsTests {

	@Test
	void aUserIsEnabledWithAPermanentPasswordAndACompleteProfile() {
		Map<String, Object> user = KeycloakRequests.user(new NewUser("zhao.min", "赵敏", "zhao.min@demo.yiwang.dev",
				"Secret-Passw0rd", Map.of("department", List.of("SCJG"))));
		assertThat(user).containsEntry("username", "zhao.min")
			.containsEntry("enabled", true)
			.containsEntry("firstName", "赵敏")
			.containsEntry("email", "zhao.min@demo.yiwang.dev")
			.containsEntry("emailVerified", true)
			.containsEntry("requiredActions", List.of())
			.containsEntry("attributes", Map.of("department", List.of("SCJG")));
		assertThat(user.get("credentials"))
			.isEqualTo(List.of(Map.of("type", "password", "value", "Secret-Passw0rd", "temporary", false)));
		assertThat(new NewUser("zhao.min", "赵敏", null, "Secret-Passw0rd", Map.of()).toString())
			.doesNotContain("Secret");
	}

	@Test
	void aCitizenHasNoDepartmentAttribute() {
		assertThat(KeycloakRequests.user(new NewUser("lisi2", "李四", "l@demo.yiwang.dev", "x", Map.of())))
			.doesNotContainKey("attributes");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aDepartmentSystemIsAConfidentialClientCredentialsClientWithItsDepartmentHardcoded() {
		Map<String, Object> client = KeycloakRequests.departmentSystemClient("dept-scjg-inspection", "抽检系统", "SCJG");
		assertThat(client).containsEntry("clientId", "dept-scjg-inspection")
			.containsEntry("publicClient", false)
			.containsEntry("serviceAccountsEnabled", true)
			.containsEntry("standardFlowEnabled", false)
			.containsEntry("implicitFlowEnabled", false)
			.containsEntry("directAccessGrantsEnabled", false)
			.containsEntry("clientAuthenticatorType", "client-secret")
			.doesNotContainKey("secret");
		assertThat((List<String>) client.get("defaultClientScopes")).contains("yiwang-api-audience", "roles",
				"platform-claims");
		List<Map<String, Object>> mappers = (List<Map<String, Object>>) client.get("protocolMappers");
		assertThat(mappers).hasSize(1);
		assertThat(mappers.get(0)).containsEntry("protocolMapper", "oidc-hardcoded-claim-mapper");
		assertThat((Map<String, String>) mappers.get(0).get("config")).containsEntry("claim.name", "department")
			.containsEntry("claim.value", "SCJG")
			.containsEntry("access.token.claim", "true");
	}

	@Test
	void theNewIdIsTheLastSegmentOfTheLocation() {
		assertThat(KeycloakRequests.idFromLocation("http://127.0.0.1:8180/admin/realms/gov/users/4f1c-77"))
			.isEqualTo("4f1c-77");
		assertThatThrownBy(() -> KeycloakRequests.idFromLocation(null))
			.isInstanceOf(IdentityProviderUnavailableException.class);
	}

}
