package org.yiwang.identity.keycloak;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How identity-service reaches the Keycloak admin REST API: with the client credentials of the confidential
 * client {@code identity-admin}, whose service account holds only the realm-management roles it needs.
 */
@ConfigurationProperties("identity.keycloak")
public record KeycloakProperties(String adminUrl, String realm, String clientId, String clientSecret,
		Duration timeout) {

	public KeycloakProperties {
		if (adminUrl == null || adminUrl.isBlank()) {
			adminUrl = "http://127.0.0.1:8180";
		}
		adminUrl = adminUrl.endsWith("/") ? adminUrl.substring(0, adminUrl.length() - 1) : adminUrl;
		if (realm == null || realm.isBlank()) {
			realm = "gov";
		}
		if (clientId == null || clientId.isBlank()) {
			clientId = "identity-admin";
		}
		if (timeout == null) {
			timeout = Duration.ofSeconds(10);
		}
	}

}
