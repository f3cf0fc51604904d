package org.yiwang.application.department;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pushes due webhook deliveries: claims one at a time (find-and-modify with a lease, so several instances never
 * send the same attempt), signs it ({@link WebhookSignature}), and records the answer: 2xx delivered; anything
 * else retried after an exponentially growing wait, dead-lettered after {@code maxAttempts}.
 */
@Component
class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final MongoTemplate mongo;

	private final WebhookProperties properties;

	private final Clock clock;

	private final HttpClient http;

	private final WebhookSecrets secrets;

	WebhookDispatcher(MongoTemplate mongo, WebhookProperties properties, Clock clock, WebhookSecrets secrets) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
		this.secrets = secrets;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Scheduled(fixedDelayString = "${platform.webhooks.poll-interval:1s}")
	void dispatchDue() {
		for (int i = 0; i < 50; i++) {
			WebhookDelivery delivery = claim(Instant.now(clock));
			if (delivery == null) {
				return;
			}
			attempt(delivery);
		}
	}

	private WebhookDelivery claim(Instant now) {
		Query due = new Query(Criteria.where("status")
			.is(WebhookDelivery.PENDING)
			.and("nextAttemptAt")
			.lte(now)
			.and("claimedUntil")
			.lte(now));
		return mongo.findAndModify(due, new Update().set("claimedUntil", now.plus(properties.timeout().multipliedBy(3))),
				FindAndModifyOptions.options().returnNew(true), WebhookDelivery.class);
	}

	void attempt(WebhookDelivery delivery) {
		WebhookSubscription subscription = mongo.findById(delivery.subscriptionId, WebhookSubscription.class);
		Instant now = Instant.now(clock);
		if (subscription == null || !subscription.active) {
			finish(delivery, WebhookDelivery.DEAD_LETTERED, delivery.attempts, null, "webhook removed", now);
			return;
		}
		long timestamp = now.getEpochSecond();
		Integer statusCode = null;
		String error = null;
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url))
				.timeout(properties.timeout())
				.header("Content-Type", "application/json")
				.header(WebhookSignature.EVENT_ID, delivery.eventId)
				.header(WebhookSignature.EVENT_TYPE, delivery.eventType)
				.header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
				.header(WebhookSignature.SIGNATURE,
						WebhookSignature.sign(secrets.signingSecret(subscription), timestamp, delivery.body))
				.POST(HttpRequest.BodyPublishers.ofString(delivery.body))
				.build();
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			statusCode = response.statusCode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		catch (Exception ex) {
			error = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		}
		int attempts = delivery.attempts + 1;
		if (statusCode != null && statusCode >= 200 && statusCode < 300) {
			finish(delivery, WebhookDelivery.DELIVERED, attempts, statusCode, null, Instant.now(clock));
		}
		else if (attempts >= properties.maxAttempts()) {
			log.warn("webhook delivery {} of {} dead-lettered after {} attempts (last: {})", delivery.id,
					delivery.eventType, attempts, statusCode != null ? statusCode : error);
			finish(delivery, WebhookDelivery.DEAD_LETTERED, attempts, statusCode, error, Instant.now(clock));
		}
		else {
			mongo.updateFirst(new Query(Criteria.where("_id").is(delivery.id)),
					new Update().set("attempts", attempts)
						.set("lastStatusCode", statusCode)
						.set("lastError", error)
						.set("nextAttemptAt", Instant.now(clock).plus(properties.backoffAfter(attempts)))
						.set("claimedUntil", Instant.EPOCH),
					WebhookDelivery.class);
		}
	}

	private void finish(WebhookDelivery delivery, String status, int attempts, Integer statusCode, String error,
			Instant now) {
		Update update = new Update().set("status", status)
			.set("attempts", attempts)
			.set("lastStatusCode", statusCode)
			.set("lastError", error)
			.set("claimedUntil", Instant.EPOCH);
		if (WebhookDelivery.DELIVERED.equals(status)) {
			update.set("deliveredAt", now);
		}
		mongo.updateFirst(new Query(Criteria.where("_id").is(delivery.id)), update, WebhookDelivery.class);
	}

}
