package org.yiwang.application.department;

import java.time.Duration;

import org.yiwang.shared.mongo.Retention;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Finished webhook deliveries (DELIVERED or DEAD_LETTERED) are removed 30 days after they finished
 * ({@code platform.retention.webhook-deliveries.max-age}); a PENDING one never is, however old. Long enough for a
 * department to look at and replay a dead-lettered delivery, and longer than Kafka keeps the events (7 days): a
 * delivery's id {@code <subscription>:<eventId>} is what keeps a redelivered event from being pushed twice.
 * <p>
 * The TTL index on {@code finishedAt} is safe because only finished deliveries carry the field (a replay removes it).
 * Deliveries finished before {@code finishedAt} existed count from {@code createdAt} (their last attempt was at most
 * hours later); only the sweep sees those.
 */
@Configuration(proxyBeanMethods = false)
class WebhookDeliveryRetention {

	@Bean
	Retention webhookDeliveriesRetention() {
		return Retention.of("webhook-deliveries", "webhook_deliveries", "finishedAt", Duration.ofDays(30))
			.onlyWhere(Criteria.where("status").in(WebhookDelivery.DELIVERED, WebhookDelivery.DEAD_LETTERED))
			.countingFrom("createdAt");
	}

}
