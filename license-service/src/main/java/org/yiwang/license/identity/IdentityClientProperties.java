package org.yiwang.license.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Resilience of the calls to identity-service ({@code platform.license.identity.*}).
 *
 * @param timeout time limit of one call (Resilience4j TimeLimiter; the HTTP client's own read timeout is twice it)
 * @param retryAttempts attempts of one resolution, on I/O errors, 5xx, timeouts and a missing service token
 * @param retryWait pause between attempts
 * @param slidingWindowSize calls the circuit breaker judges over
 * @param minimumCalls calls before it judges at all
 * @param failureRateThreshold failure percentage that opens the circuit
 * @param waitInOpenState how long an open circuit refuses calls before trial calls
 * @param allowedCacheTtl how long a "may act for the enterprise" answer of the authorisation check is reused per
 * (subject, USCC), at most 60 s (0 = never); a "no" is never reused
 */
@ConfigurationProperties("platform.license.identity")
public record IdentityClientProperties(@DefaultValue("2s") Duration timeout, @DefaultValue("2") int retryAttempts,
		@DefaultValue("300ms") Duration retryWait, @DefaultValue("10") int slidingWindowSize,
		@DefaultValue("5") int minimumCalls, @DefaultValue("50") float failureRateThreshold,
		@DefaultValue("30s") Duration waitInOpenState, @DefaultValue("30s") Duration allowedCacheTtl) {
}
