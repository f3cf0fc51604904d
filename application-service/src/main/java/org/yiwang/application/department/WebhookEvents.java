package org.yiwang.application.department;

import java.time.Clock;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.messaging.IdempotentConsumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns this service's own published case events into webhook deliveries for the department named in the event
 * ({@code payload.departmentCode}); events without a department (application-level) are not pushed. Reading
 * the published events, not hooking into the transition, means a delivery exists only for an event that was
 * really committed and published.
 */
@Component
class WebhookEvents {

	static final String CONSUMER = "application-service.webhooks";

	private final IdempotentConsumer idempotent;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final WebhookDispatcher dispatcher;

	private final WebhookSubscriptions subscriptions;

	WebhookEvents(IdempotentConsumer idempotent, MongoTemplate mongo, Clock clock, WebhookDispatcher dispatcher,
			WebhookSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
		this.idempotent = idempotent;
		this.mongo = mongo;
		this.clock = clock;
		this.dispatcher = dispatcher;
	}

	@KafkaListener(topics = Topics.APPLICATION, groupId = CONSUMER)
	void on(ConsumerRecord<String, String> record) {
		// each delivery's id is <subscription>:<eventId>: a redelivered event meets the duplicate key below. Only a
		// case event names a department (the application-level ones do not): the others are skipped unparsed
		idempotent.applyKeyed(record, WebhookSubscription.CASE_EVENTS, this::fanOut);
	}

	private void fanOut(EventEnvelope envelope) {
		Object department = envelope.payload() == null ? null : envelope.payload().get("departmentCode");
		if (!(department instanceof String code)) {
			return;
		}
		Instant now = Instant.now(clock);
		String body = EventCodec.write(envelope);
		for (WebhookSubscription subscription : subscriptions.active(code)) {
			if (!subscription.wants(envelope.type())) {
				continue;
			}
			try {
				// inserted under this instance's lease: its first attempt needs no claim, and another instance's
				// sweep takes it only if that lease runs out unused
				WebhookDelivery delivery = new WebhookDelivery(subscription, envelope.eventId(), envelope.type(), body,
						now);
				delivery.claimedUntil = dispatcher.leaseFrom(now);
				dispatcher.scheduleNew(mongo.insert(delivery));
			}
			catch (DuplicateKeyException ex) {
				// the event was consumed before: its delivery exists
			}
		}
	}

}
