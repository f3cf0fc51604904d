package org.yiwang.shared.client;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own Keycloak client for calls to other platform services ({@code platform.service-account.*}):
 * OAuth2 client credentials, realm role {@code platform-service}. Without a {@code client-id} the service makes no
 * service-to-service calls and no {@link ServiceTokens} bean exists.
 *
 * @param clientId the confidential client, e.g. {@code svc-application}
 * @param clientSecret its secret, from the environment (generated at first start locally, a Kubernetes secret in
 * production); never committed
 * @param tokenUri the realm's token endpoint; empty means {@code <realmUri>/protocol/openid-connect/token}
 * @param realmUri where the service reaches the realm (inside a cluster: not the public issuer); empty means
 * {@code platform.security.issuer}
 * @param timeout connect and read timeout of one token request
 * @param refreshBefore a token is replaced this long before it expires
 */
@ConfigurationProperties("platform.service-account")
public record ServiceAccountProperties(String clientId, String clientSecret, String tokenUri, String realmUri,
		@DefaultValue("5s") Duration timeout, @DefaultValue("30s") Duration refreshBefore) {

}
