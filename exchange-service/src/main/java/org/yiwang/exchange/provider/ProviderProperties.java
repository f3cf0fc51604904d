package org.yiwang.exchange.provider;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the exchange protects itself and consumers from a provider that is down or slow ({@code exchange.providers}):
 * every provider department gets its own circuit breaker, bulkhead, retry and time limit with these settings.
 *
 * @param timeout the longest a consumer waits for one provider call (TimeLimiter)
 * @param retryAttempts attempts of an idempotent read, including the first
 * @param retryWait pause between attempts
 * @param failureRateThreshold percentage of failed calls that opens the circuit
 * @param slowCallThreshold a call slower than this counts as slow
 * @param slowCallRateThreshold percentage of slow calls that opens the circuit
 * @param slidingWindowSize calls the failure rate is computed over
 * @param minimumCalls calls needed before the rate is judged
 * @param waitInOpenState how long the circuit stays open before letting trial calls through (half-open)
 * @param permittedCallsInHalfOpenState trial calls in half-open state
 * @param maxConcurrentCalls concurrent calls per provider (bulkhead)
 * @param maxWaitForPermit how long a call waits for a bulkhead permit
 * @param retryAfter the {@code Retry-After} of a 503 when the circuit is not open (failure, time-out, busy, no
 * token); with an open circuit it is the rest of {@code waitInOpenState}
 */
@ConfigurationProperties("exchange.providers")
public record ProviderProperties(@DefaultValue("2s") Duration timeout, @DefaultValue("2") int retryAttempts,
		@DefaultValue("100ms") Duration retryWait, @DefaultValue("50") float failureRateThreshold,
		@DefaultValue("1500ms") Duration slowCallThreshold, @DefaultValue("80") float slowCallRateThreshold,
		@DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumCalls,
		@DefaultValue("30s") Duration waitInOpenState, @DefaultValue("3") int permittedCallsInHalfOpenState,
		@DefaultValue("20") int maxConcurrentCalls, @DefaultValue("100ms") Duration maxWaitForPermit,
		@DefaultValue("5s") Duration retryAfter) {

	public ProviderProperties {
		if (timeout.isZero() || timeout.isNegative() || retryAttempts < 1 || minimumCalls < 1
				|| slidingWindowSize < minimumCalls || maxConcurrentCalls < 1 || retryAfter.isNegative()) {
			throw new IllegalArgumentException("exchange.providers: timeout > 0, retryAttempts >= 1, "
					+ "slidingWindowSize >= minimumCalls >= 1, maxConcurrentCalls >= 1 and retryAfter >= 0 are required");
		}
	}

}
