package org.yiwang.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway waits for Keycloak's signing keys ({@code platform.gateway.jwk-set.*}), fetched on the first
 * token after start and again whenever a token names a key id the gateway does not hold.
 *
 * @param connectTimeout to open the connection
 * @param timeout for the answer once connected (and between reads of it); a token whose keys do not arrive within
 * {@code connectTimeout + timeout} is answered 503, the caller may retry
 * @param maxConnections concurrent fetches at most (a flood of tokens naming unknown key ids must not become a
 * flood of requests to Keycloak); further fetches wait up to {@code timeout} for a connection
 */
@ConfigurationProperties("platform.gateway.jwk-set")
public record JwkSetClientProperties(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration timeout,
		@DefaultValue("4") int maxConnections) {

	public JwkSetClientProperties {
		if (connectTimeout.isNegative() || connectTimeout.isZero() || timeout.isNegative() || timeout.isZero()
				|| maxConnections < 1) {
			throw new IllegalArgumentException("platform.gateway.jwk-set: time-outs must be positive, max-connections >= 1");
		}
	}

	/** The most a token check may take when the keys must be fetched. */
	Duration bound() {
		return connectTimeout.plus(timeout);
	}

}
