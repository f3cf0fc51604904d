package org.yiwang.shared.security;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How services validate Keycloak tokens ({@code platform.security.*}).
 *
 * @param issuer expected {@code iss}, e.g. {@code http://localhost:8180/realms/gov}
 * @param jwkSetUri where the realm's signing keys are fetched (lazily, on the first token)
 * @param audience expected entry of {@code aud}; Keycloak's audience mapper puts it in every platform token
 * @param partnerScopes for tokens of partner channel apps ({@code azp} starting with {@code partner-}): the path
 * patterns they may call and the OAuth2 scope each needs; everything else is refused to them
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(@DefaultValue("http://localhost:8180/realms/gov") String issuer,
		String jwkSetUri, @DefaultValue("yiwang-api") String audience,
		@DefaultValue Map<String, String> partnerScopes) {

	public PlatformSecurityProperties {
		partnerScopes = partnerScopes == null ? Map.of() : Map.copyOf(partnerScopes);
	}

	public String effectiveJwkSetUri() {
		return jwkSetUri != null && !jwkSetUri.isBlank() ? jwkSetUri : issuer + "/protocol/openid-connect/certs";
	}

}
