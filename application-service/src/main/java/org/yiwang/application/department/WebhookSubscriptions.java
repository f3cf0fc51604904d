package org.yiwang.application.department;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The departments' webhook subscriptions as the fan-out and the dispatcher read them: remembered for a few seconds
 * ({@code platform.webhooks.subscription-cache}, default 10 s) instead of read for every event and every delivery
 * (measured: 16 reads of {@code webhooks} per application under the theme benchmark). A registration or removal
 * made through this instance is seen at once; one made through another replica within the cache time.
 */
@Component
class WebhookSubscriptions {

	private final MongoTemplate mongo;

	private final Cache<String, List<WebhookSubscription>> byDepartment;

	private final Cache<String, Optional<WebhookSubscription>> byId;

	WebhookSubscriptions(MongoTemplate mongo,
			@Value("${platform.webhooks.subscription-cache:10s}") Duration remembered) {
		this.mongo = mongo;
		this.byDepartment = Caffeine.newBuilder().expireAfterWrite(remembered).maximumSize(1_000).build();
		this.byId = Caffeine.newBuilder().expireAfterWrite(remembered).maximumSize(10_000).build();
	}

	/** The active subscriptions of a department. */
	List<WebhookSubscription> active(String departmentCode) {
		return this.byDepartment.get(departmentCode, code -> List.copyOf(this.mongo.find(
				new Query(Criteria.where("departmentCode").is(code).and("active").is(true)), WebhookSubscription.class)));
	}

	/** A subscription by id, active or not; empty when there is none. */
	Optional<WebhookSubscription> find(String id) {
		return this.byId.get(id, key -> Optional.ofNullable(this.mongo.findById(key, WebhookSubscription.class)));
	}

	/** Forgets what this instance remembered of a department's hooks, after a registration or a removal. */
	void changed(String departmentCode, String id) {
		this.byDepartment.invalidate(departmentCode);
		if (id != null) {
			this.byId.invalidate(id);
		}
	}

}
