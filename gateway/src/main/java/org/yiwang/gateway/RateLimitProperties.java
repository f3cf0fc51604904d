package org.yiwang.gateway;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request rate limits of this gateway instance ({@code platform.gateway.rate-limit.*}).
 *
 * @param enabled whether limits apply
 * @param anonymousPerIp requests per window for one client IP without a token
 * @param perClient requests per window for one authenticated caller: a confidential client (department system,
 * partner app) as a whole, a user of a public client (portal) individually
 * @param clientOverrides per-client ({@code azp}) limits that replace {@code perClient}
 * @param window the window the limits refer to (token buckets refill continuously)
 */
@ConfigurationProperties("platform.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("120") int anonymousPerIp,
		@DefaultValue("600") int perClient, @DefaultValue Map<String, Integer> clientOverrides,
		@DefaultValue("60s") Duration window) {

	public RateLimitProperties {
		clientOverrides = clientOverrides == null ? Map.of() : Map.copyOf(clientOverrides);
		if (anonymousPerIp < 1 || perClient < 1) {
			throw new IllegalArgumentException("platform.gateway.rate-limit limits must be >= 1");
		}
	}

	int limitFor(String clientId) {
		return clientOverrides.getOrDefault(clientId, perClient);
	}

}
