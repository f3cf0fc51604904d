package org.yiwang.identity.keycloak;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The representations sent to the Keycloak admin REST API, built as plain maps so that exactly what is sent is
 * visible and unit-tested (no keycloak-admin-client, no RESTEasy, no Jackson 2 on the path).
 */
public final class KeycloakRequests {

	/** The client scope that adds {@code aud=yiwang-api} (gov-realm.json). */
	public static final String AUDIENCE_SCOPE = "yiwang-api-audience";

	/** Default scopes of a department system, as for the realm's own {@code dept-scjg-system}. */
	public static final List<String> SYSTEM_DEFAULT_SCOPES = List.of("web-origins", "acr", "profile", "roles", "basic",
			"email", AUDIENCE_SCOPE, "platform-claims");

	private KeycloakRequests() {
	}

	/** A person's login: enabled, password set (not temporary), profile complete so no required action blocks login. */
	public static Map<String, Object> user(NewUser user) {
		Map<String, Object> representation = new LinkedHashMap<>();
		representation.put("username", user.username());
		representation.put("enabled", true);
		representation.put("firstName", user.displayName());
		representation.put("email", user.email());
		representation.put("emailVerified", true);
		representation.put("requiredActions", List.of());
		if (!user.attributes().isEmpty()) {
			representation.put("attributes", user.attributes());
		}
		representation.put("credentials",
				List.of(Map.of("type", "password", "value", user.password(), "temporary", false)));
		return representation;
	}

	/**
	 * A department system: confidential client, client credentials only, service account, the {@code department}
	 * claim hard-coded (a system cannot claim another department), the API audience as a default scope.
	 */
	public static Map<String, Object> departmentSystemClient(String clientId, String name, String departmentCode) {
		Map<String, Object> mapper = new LinkedHashMap<>();
		mapper.put("name", "department " + departmentCode);
		mapper.put("protocol", "openid-connect");
		mapper.put("protocolMapper", "oidc-hardcoded-claim-mapper");
		mapper.put("consentRequired", false);
		mapper.put("config",
				Map.of("claim.name", "department", "claim.value", departmentCode, "jsonType.label", "String",
						"access.token.claim", "true", "id.token.claim", "false", "userinfo.token.claim", "false",
						"introspection.token.claim", "true", "lightweight.claim", "false"));
		Map<String, Object> client = new LinkedHashMap<>();
		client.put("clientId", clientId);
		client.put("name", name);
		client.put("description", "部门业务系统（部门代码 " + departmentCode + "），客户端凭证模式 / department system, client credentials only");
		client.put("enabled", true);
		client.put("protocol", "openid-connect");
		client.put("publicClient", false);
		client.put("bearerOnly", false);
		client.put("consentRequired", false);
		client.put("standardFlowEnabled", false);
		client.put("implicitFlowEnabled", false);
		client.put("directAccessGrantsEnabled", false);
		client.put("serviceAccountsEnabled", true);
		client.put("fullScopeAllowed", true);
		client.put("clientAuthenticatorType", "client-secret");
		client.put("redirectUris", List.of());
		client.put("webOrigins", List.of());
		client.put("attributes", Map.of("oauth2.device.authorization.grant.enabled", "false",
				"oidc.ciba.grant.enabled", "false", "standard.token.exchange.enabled", "false"));
		client.put("defaultClientScopes", SYSTEM_DEFAULT_SCOPES);
		client.put("optionalClientScopes", List.of());
		client.put("protocolMappers", List.of(mapper));
		return client;
	}

	/** The id at the end of a {@code Location} header of a 201 answer. */
	public static String idFromLocation(String location) {
		if (location == null || location.isBlank()) {
			throw new IdentityProviderUnavailableException("Keycloak created a resource without telling where");
		}
		String trimmed = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
		return trimmed.substring(trimmed.lastIndexOf('/') + 1);
	}

	/** A login to create. {@code attributes} are user-profile attributes such as {@code department}. */
	public record NewUser(String username, String displayName, String email, String password,
			Map<String, List<String>> attributes) {

		@Override
		public String toString() {
			return "NewUser[" + username + "]";
		}

	}

}
