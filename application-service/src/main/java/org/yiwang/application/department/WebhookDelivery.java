package org.yiwang.application.department;

import java.time.Instant;

import org.yiwang.shared.mongo.PendingMarker;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event to push to one webhook, keyed {@code <subscription>:<eventId>} so a re-consumed event never makes a
 * second delivery. PENDING until a 2xx answer (DELIVERED) or {@code maxAttempts} failures (DEAD_LETTERED);
 * a department replays a dead-lettered (or delivered) one by putting it back to PENDING.
 * <p>
 * {@code finishedAt} is when it reached DELIVERED or DEAD_LETTERED, and is present only in those states (a replay
 * removes it with the same write that makes it PENDING): finished deliveries are removed
 * {@code platform.retention.webhook-deliveries.max-age} after it ({@link WebhookDeliveryRetention}).
 */
@Document("webhook_deliveries")
class WebhookDelivery {

	static final String PENDING = "PENDING";

	static final String DELIVERED = "DELIVERED";

	static final String DEAD_LETTERED = "DEAD_LETTERED";

	/** The marker of pending deliveries. */
	static final PendingMarker DUE = new PendingMarker("due");

	@Id
	String id;

	String subscriptionId;

	String departmentCode;

	String eventId;

	String eventType;

	String body;

	String status;

	int attempts;

	Instant nextAttemptAt;

	Instant claimedUntil;

	Integer lastStatusCode;

	String lastError;

	Instant deliveredAt;

	Instant finishedAt;

	Instant createdAt;

	String due;

	@PersistenceCreator
	WebhookDelivery() {
	}

	WebhookDelivery(WebhookSubscription subscription, String eventId, String eventType, String body, Instant now) {
		this.id = subscription.id + ":" + eventId;
		this.subscriptionId = subscription.id;
		this.departmentCode = subscription.departmentCode;
		this.eventId = eventId;
		this.eventType = eventType;
		this.body = body;
		this.status = PENDING;
		this.nextAttemptAt = now;
		this.claimedUntil = Instant.EPOCH;
		this.createdAt = now;
		this.due = PendingMarker.due(now, this.id);
	}

}
