package org.yiwang.application.peer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Calls to the other platform services ({@code application.peers.*}); base URLs come from {@code platform.peers.*}.
 *
 * @param timeout connect/read timeout of one HTTP call
 * @param failureRateThreshold per peer, the circuit opens when this share of the last {@code slidingWindowSize}
 * calls failed (at least {@code minimumCalls})
 * @param slidingWindowSize calls the failure rate is computed over
 * @param minimumCalls calls before the rate counts
 * @param waitInOpenState how long an open circuit refuses calls before letting trial calls through
 */
@ConfigurationProperties("application.peers")
public record PeerProperties(@DefaultValue("3s") Duration timeout, @DefaultValue("50") float failureRateThreshold,
		@DefaultValue("10") int slidingWindowSize, @DefaultValue("5") int minimumCalls,
		@DefaultValue("20s") Duration waitInOpenState) {

}
