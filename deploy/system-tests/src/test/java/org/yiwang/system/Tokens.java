package org.yiwang.system;

import java.util.Map;

import org.yiwang.local.PlatformRuntime;

/** Real tokens from the real Keycloak, for the demo accounts of the gov realm. */
final class Tokens {

	private Tokens() {
	}

	static String user(PlatformRuntime platform, String username) {
		Http.Response response = Http.form(tokenEndpoint(platform),
				Map.of("grant_type", "password", "client_id", "yiwang-cli", "username", username, "password",
						platform.secrets().get("DEMO_USER_PASSWORD"), "scope", "openid"));
		if (response.status() != 200) {
			throw new IllegalStateException("no token for " + username + ": " + response);
		}
		return response.json().get("access_token").asString();
	}

	static String client(PlatformRuntime platform, String clientId, String secret) {
		Http.Response response = Http.form(tokenEndpoint(platform),
				Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
		if (response.status() != 200) {
			throw new IllegalStateException("no token for client " + clientId + ": " + response);
		}
		return response.json().get("access_token").asString();
	}

	private static String tokenEndpoint(PlatformRuntime platform) {
		return platform.keycloakInternalUrl() + "/realms/gov/protocol/openid-connect/token";
	}

}
