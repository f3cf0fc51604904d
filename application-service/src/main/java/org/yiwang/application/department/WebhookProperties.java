package org.yiwang.application.department;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook delivery settings ({@code platform.webhooks.*}).
 *
 * @param sweepInterval how often the dispatcher searches for due deliveries nobody scheduled (left behind by a
 * stopped instance); new deliveries, replays and retries are scheduled without searching
 * @param workers threads sending deliveries
 * @param initialBackoff wait after the first failure; doubled after each further failure (capped at 1 h)
 * @param maxAttempts attempts before a delivery is dead-lettered
 * @param timeout connect and response timeout per attempt
 * @param signatureTolerance the replay window receivers should apply to the timestamp (documented, and used by
 * {@link WebhookSignature#verify})
 */
@ConfigurationProperties("platform.webhooks")
public record WebhookProperties(Duration sweepInterval, int workers, Duration initialBackoff, int maxAttempts,
		Duration timeout, Duration signatureTolerance) {

	public WebhookProperties {
		sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
		workers = workers <= 0 ? 8 : workers;
		initialBackoff = initialBackoff == null ? Duration.ofSeconds(5) : initialBackoff;
		maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
		timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
		signatureTolerance = signatureTolerance == null ? Duration.ofMinutes(5) : signatureTolerance;
	}

	Duration backoffAfter(int attempts) {
		long factor = 1L << Math.min(attempts - 1, 20);
		Duration wait = initialBackoff.multipliedBy(factor);
		return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
	}

}
