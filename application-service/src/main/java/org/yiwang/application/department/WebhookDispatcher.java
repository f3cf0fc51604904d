package org.yiwang.application.department;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.shared.mongo.PendingMarker;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pushes due webhook deliveries: claims one (a lease written with a guarded update, so several instances never
 * send the same attempt), signs it ({@link WebhookSignature}), and records the answer: 2xx delivered; anything
 * else retried after an exponentially growing wait, dead-lettered after {@code maxAttempts}.
 * <p>
 * A new delivery, a replay and a retry are each scheduled by id on this dispatcher's worker threads
 * ({@code platform.webhooks.workers}, default 8, so one slow receiver does not hold up the others); claiming by id
 * is a key lookup. The sweep ({@code platform.webhooks.sweep-interval}, default 30 s) finds attempts a stopped
 * instance left behind through the pending deliveries' marker ({@link WebhookDelivery#DUE}): its cost follows the
 * pending deliveries, not the delivered ones kept.
 */
@Component
class WebhookDispatcher {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final MongoTemplate mongo;

	private final WebhookProperties properties;

	private final Clock clock;

	private final HttpClient http;

	private final WebhookSecrets secrets;

	private final ScheduledExecutorService workers;

	private final WebhookSubscriptions subscriptions;

	/** Pending deliveries one sweep looks at, earliest due first. */
	private static final int SWEEP_BATCH = 200;


	WebhookDispatcher(MongoTemplate mongo, WebhookProperties properties, Clock clock, WebhookSecrets secrets,
			WebhookSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
		this.secrets = secrets;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.workers = Executors.newScheduledThreadPool(properties.workers(), runnable -> {
			Thread thread = new Thread(runnable, "webhook");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Schedules an attempt of one delivery when it is due (a new delivery, a replay, a retry). */
	void schedule(String deliveryId, Instant due) {
		long delay = Math.max(0, Duration.between(Instant.now(clock), due).toMillis());
		try {
			workers.schedule(() -> attemptById(deliveryId), delay, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// shutting down: the sweep of the next start finds it
		}
	}

	/** The lease an attempt starting now holds: three times the receiver's time-out, to the millisecond stored. */
	Instant leaseFrom(Instant now) {
		return now.plus(properties.timeout().multipliedBy(3)).truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Schedules the first attempt of a delivery just inserted under this instance's lease ({@link #leaseFrom}): while
	 * that lease still covers an attempt, no claim is written; if the workers were too busy to start it in time, the
	 * claim is the guarded write against the lease it was inserted with (another instance may have taken it).
	 */
	void scheduleNew(WebhookDelivery delivery) {
		long delay = Math.max(0, Duration.between(Instant.now(clock), delivery.nextAttemptAt).toMillis());
		try {
			workers.schedule(() -> {
				try {
					Instant now = Instant.now(clock);
					if (delivery.claimedUntil.isAfter(now.plus(properties.timeout()))
							|| take(delivery, now)) {
						attempt(delivery);
					}
				}
				catch (RuntimeException ex) {
					log.warn("webhook delivery {} failed unexpectedly, the sweep retries it: {}", delivery.id,
							ex.getMessage());
				}
			}, delay, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// shutting down: the sweep of the next start finds it
		}
	}

	private void attemptById(String deliveryId) {
		try {
			WebhookDelivery delivery = claim(deliveryId, Instant.now(clock));
			if (delivery != null) {
				attempt(delivery);
			}
		}
		catch (RuntimeException ex) {
			log.warn("webhook delivery {} failed unexpectedly, the sweep retries it: {}", deliveryId, ex.getMessage());
		}
	}

	/** Claims one delivery by id when it is pending, due and not leased: a write guarded by the lease it saw. */
	WebhookDelivery claim(String deliveryId, Instant now) {
		WebhookDelivery delivery = mongo.findById(deliveryId, WebhookDelivery.class);
		if (delivery == null || !WebhookDelivery.PENDING.equals(delivery.status) || delivery.nextAttemptAt.isAfter(now)
				|| delivery.claimedUntil.isAfter(now)) {
			return null;
		}
		return take(delivery, now) ? delivery : null;
	}

	/** The lease, written only if nobody changed the lease this instance saw (a key-shaped guarded update). */
	private boolean take(WebhookDelivery delivery, Instant now) {
		Instant lease = leaseFrom(now);
		boolean taken = mongo
			.updateFirst(new Query(Criteria.where("_id").is(delivery.id).and("claimedUntil").is(delivery.claimedUntil)),
					new Update().set("claimedUntil", lease), WebhookDelivery.class)
			.getModifiedCount() == 1;
		if (taken) {
			delivery.claimedUntil = lease;
		}
		return taken;
	}

	@PreDestroy
	void stop() {
		workers.shutdownNow();
	}

	@Scheduled(fixedDelayString = "${platform.webhooks.sweep-interval:30s}", initialDelayString = "${platform.webhooks.sweep-interval:30s}")
	void dispatchDue() {
		Query legacy = new Query(Criteria.where("status").is(WebhookDelivery.PENDING));
		legacy.fields().include("nextAttemptAt");
		WebhookDelivery.DUE.declare(mongo, mongo.getCollectionName(WebhookDelivery.class), legacy,
				document -> PendingMarker
					.due(document.get("nextAttemptAt", Date.class).toInstant(), document.get("_id")));
		Instant now = Instant.now(clock);
		for (Object id : WebhookDelivery.DUE.dueIds(mongo, mongo.getCollectionName(WebhookDelivery.class), now,
				SWEEP_BATCH)) {
			WebhookDelivery delivery = claim((String) id, now);
			if (delivery != null) {
				attempt(delivery);
			}
		}
	}

	void attempt(WebhookDelivery delivery) {
		WebhookSubscription subscription = subscriptions.find(delivery.subscriptionId).orElse(null);
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
			Instant next = Instant.now(clock).plus(properties.backoffAfter(attempts));
			mongo.updateFirst(new Query(Criteria.where("_id").is(delivery.id)),
					new Update().set("attempts", attempts)
						.set("lastStatusCode", statusCode)
						.set("lastError", error)
						.set("nextAttemptAt", next)
						.set(WebhookDelivery.DUE.field(), PendingMarker.due(next, delivery.id))
						.set("claimedUntil", Instant.EPOCH),
					WebhookDelivery.class);
			schedule(delivery.id, next);
		}
	}

	private void finish(WebhookDelivery delivery, String status, int attempts, Integer statusCode, String error,
			Instant now) {
		Update update = new Update().set("status", status)
			.set("attempts", attempts)
			.set("lastStatusCode", statusCode)
			.set("lastError", error)
			.set("claimedUntil", Instant.EPOCH)
			.set("finishedAt", now)
			.unset(WebhookDelivery.DUE.field());
		if (WebhookDelivery.DELIVERED.equals(status)) {
			update.set("deliveredAt", now);
		}
		mongo.updateFirst(new Query(Criteria.where("_id").is(delivery.id)), update, WebhookDelivery.class);
	}

}
