package org.yiwang.exchange.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the exchange asks identity-service who a caller is and for which enterprises they may act
 * ({@code exchange.identity}): one circuit for both questions, since both fail together when identity-service does.
 *
 * @param timeout the longest a caller waits for one answer (TimeLimiter; the HTTP client's own limit is twice that)
 * @param retryAttempts attempts of the (idempotent) question, including the first
 * @param retryWait pause between attempts
 * @param failureRateThreshold percentage of failed calls that opens the circuit
 * @param slidingWindowSize calls the failure rate is computed over
 * @param minimumCalls calls needed before the rate is judged
 * @param waitInOpenState how long the circuit stays open before trial calls
 * @param resolutionCacheTtl how long a resolved ID number is reused per subject (at most 5 minutes, 0 = never)
 * @param retryAfter the {@code Retry-After} of a 503 when identity-service cannot answer
 */
@ConfigurationProperties("exchange.identity")
public record IdentityProperties(@DefaultValue("2s") Duration timeout, @DefaultValue("2") int retryAttempts,
		@DefaultValue("100ms") Duration retryWait, @DefaultValue("50") float failureRateThreshold,
		@DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumCalls,
		@DefaultValue("30s") Duration waitInOpenState, @DefaultValue("2m") Duration resolutionCacheTtl,
		@DefaultValue("5s") Duration retryAfter) {

	/** A verified number may change hands (a correction at the registry): never reused for longer than this. */
	public static final Duration MAX_RESOLUTION_CACHE = Duration.ofMinutes(5);

	public IdentityProperties {
		if (timeout.isZero() || timeout.isNegative() || retryAttempts < 1 || minimumCalls < 1
				|| slidingWindowSize < minimumCalls || resolutionCacheTtl.isNegative()
				|| resolutionCacheTtl.compareTo(MAX_RESOLUTION_CACHE) > 0 || retryAfter.isNegative()) {
			throw new IllegalArgumentException("exchange.identity: timeout > 0, retryAttempts >= 1, "
					+ "slidingWindowSize >= minimumCalls >= 1, 0 <= resolutionCacheTtl <= 5m and retryAfter >= 0 "
					+ "are required");
		}
	}

}
