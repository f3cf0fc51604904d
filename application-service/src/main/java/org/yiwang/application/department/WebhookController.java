package org.yiwang.application.department;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.yiwang.shared.mongo.PendingMarker;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;
import org.yiwang.shared.web.PageView;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department's webhooks (dept-admin or the department's system): register (the signing secret is returned
 * once), list, remove, list deliveries (e.g. the dead-lettered ones) and replay one. Another department's
 * webhooks do not exist for the caller (404).
 */
@RestController
@Validated
@RequestMapping("/api/v1/webhooks")
class WebhookController {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;

	private final Clock clock;

	private final WebhookSecrets secrets;

	private final WebhookDispatcher dispatcher;

	private final WebhookSubscriptions subscriptions;

	WebhookController(MongoTemplate mongo, Clock clock, WebhookSecrets secrets, WebhookDispatcher dispatcher,
			WebhookSubscriptions subscriptions) {
		this.subscriptions = subscriptions;
		this.mongo = mongo;
		this.clock = clock;
		this.secrets = secrets;
		this.dispatcher = dispatcher;
	}

	@PostMapping
	ResponseEntity<Registered> register(@Valid @RequestBody RegisterRequest request) {
		CurrentUser user = department();
		URI url;
		try {
			url = URI.create(request.url());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("invalid url", "url", "must be an absolute http(s) URL");
		}
		if (url.getHost() == null || url.getUserInfo() != null) {
			throw new InvalidRequestException("invalid url", "url", "must be an absolute http(s) URL without credentials");
		}
		long existing = mongo.count(new Query(Criteria.where("departmentCode").is(user.department()).and("active").is(true)),
				WebhookSubscription.class);
		if (existing >= 10) {
			throw new ConflictException("a department has at most 10 webhooks", "url", "at most 10 active webhooks");
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = "whsec_" + HexFormat.of().formatHex(random);
		String id = "WH-" + UUID.randomUUID();
		List<String> events = request.events() == null ? List.of() : request.events();
		for (int i = 0; i < events.size(); i++) {
			if (!WebhookSubscription.CASE_EVENTS.contains(events.get(i))) {
				throw new InvalidRequestException("unknown event type " + events.get(i), "events[" + i + "]",
						"must be one of " + new TreeSet<>(WebhookSubscription.CASE_EVENTS));
			}
		}
		WebhookSubscription subscription = new WebhookSubscription(id, user.department(), request.url(),
				secrets.seal(id, secret), events, user.subject(), Instant.now(clock));
		mongo.insert(subscription);
		subscriptions.changed(subscription.departmentCode, subscription.id);
		// the only time the plain secret leaves the service
		return ResponseEntity.created(URI.create("/api/v1/webhooks/" + subscription.id))
			.body(new Registered(subscription.id, subscription.url,
					subscription.events == null ? List.of() : subscription.events, secret, subscription.createdAt));
	}

	@GetMapping
	List<WebhookView> list() {
		CurrentUser user = department();
		return mongo.find(new Query(Criteria.where("departmentCode").is(user.department()).and("active").is(true)),
				WebhookSubscription.class).stream().map(WebhookView::of).toList();
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@PathVariable @Size(max = 60) String id) {
		WebhookSubscription subscription = own(id);
		mongo.updateFirst(new Query(Criteria.where("_id").is(subscription.id)), new Update().set("active", false),
				WebhookSubscription.class);
		subscriptions.changed(subscription.departmentCode, subscription.id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/deliveries")
	PageView<DeliveryView> deliveries(@PathVariable @Size(max = 60) String id,
			@RequestParam(required = false) @Pattern(regexp = "PENDING|DELIVERED|DEAD_LETTERED") String status,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		WebhookSubscription subscription = own(id);
		Criteria criteria = Criteria.where("subscriptionId").is(subscription.id);
		if (status != null) {
			criteria = criteria.and("status").is(status);
		}
		long total = mongo.count(new Query(criteria), WebhookDelivery.class);
		List<DeliveryView> items = mongo
			.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).skip((long) page * size).limit(size),
					WebhookDelivery.class)
			.stream()
			.map(DeliveryView::of)
			.toList();
		return new PageView<>(items, page, size, total);
	}

	/** Puts a dead-lettered (or delivered) delivery back in the queue, attempts reset. */
	@PostMapping("/{id}/deliveries/{deliveryId}/replay")
	DeliveryView replay(@PathVariable @Size(max = 60) String id, @PathVariable @Size(max = 120) String deliveryId) {
		WebhookSubscription subscription = own(id);
		WebhookDelivery delivery = mongo.findById(deliveryId, WebhookDelivery.class);
		if (delivery == null || !delivery.subscriptionId.equals(subscription.id)) {
			throw new NotFoundException("no delivery " + deliveryId);
		}
		if (WebhookDelivery.PENDING.equals(delivery.status)) {
			throw new ConflictException("delivery is still pending", "status", "must be DEAD_LETTERED or DELIVERED");
		}
		Instant now = Instant.now(clock);
		mongo.updateFirst(new Query(Criteria.where("_id").is(deliveryId).and("status").is(delivery.status)),
				new Update().set("status", WebhookDelivery.PENDING)
					.set("attempts", 0)
					.set("nextAttemptAt", now)
					.set(WebhookDelivery.DUE.field(), PendingMarker.due(now, deliveryId))
					.set("claimedUntil", Instant.EPOCH)
					// not finished any more: out of reach of the retention (and of the TTL index on finishedAt)
					.unset("finishedAt"),
				WebhookDelivery.class);
		dispatcher.schedule(deliveryId, now);
		return DeliveryView.of(mongo.findById(deliveryId, WebhookDelivery.class));
	}

	private WebhookSubscription own(String id) {
		CurrentUser user = department();
		WebhookSubscription subscription = mongo.findById(id, WebhookSubscription.class);
		if (subscription == null || !subscription.active || !subscription.departmentCode.equals(user.department())) {
			throw new NotFoundException("no webhook " + id + " of your department");
		}
		return subscription;
	}

	private static CurrentUser department() {
		CurrentUser user = CurrentUser.current();
		if (!user.hasAnyRole(CurrentUser.DEPT_ADMIN, CurrentUser.DEPT_SYSTEM) || user.department() == null) {
			throw new ForbiddenException("webhooks are managed by a department's admin or system");
		}
		return user;
	}

	/**
	 * @param events the event types wanted (e.g. only {@code application.CaseSubmitted} for a system that decides
	 * cases and learns the rest elsewhere); absent or empty: every event of the department's cases
	 */
	record RegisterRequest(
			@NotBlank @Size(max = 500) @Pattern(regexp = "https?://.+", message = "must be an absolute http(s) URL") String url,
			@Size(max = 20) List<@NotBlank @Size(max = 60) String> events) {
	}

	record Registered(String id, String url, List<String> events, String secret, Instant createdAt) {
	}

	record WebhookView(String id, String url, List<String> events, Instant createdAt) {

		static WebhookView of(WebhookSubscription s) {
			return new WebhookView(s.id, s.url, s.events == null ? List.of() : s.events, s.createdAt);
		}

	}

	record DeliveryView(String id, String eventId, String eventType, String status, int attempts,
			Instant nextAttemptAt, Integer lastStatusCode, String lastError, Instant deliveredAt, Instant createdAt) {

		static DeliveryView of(WebhookDelivery d) {
			return new DeliveryView(d.id, d.eventId, d.eventType, d.status, d.attempts, d.nextAttemptAt,
					d.lastStatusCode, d.lastError, d.deliveredAt, d.createdAt);
		}

	}

}
