package org.yiwang.application.department;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * At startup, brings every stored webhook secret to the current form: a plain secret (written before encryption at
 * rest) is sealed and the plain field removed; a secret sealed with an older key (after a rotation) is re-sealed
 * with the active key. Each document is updated only if it still holds what was read (several instances may
 * start at once); until then the dispatcher still signs with what is stored, so nothing stops working. A secret
 * whose key is no longer configured is reported and left alone: the service starts, that webhook's deliveries
 * dead-letter with the cause, and the department registers the webhook again.
 */
@Component
class WebhookSecretsMigration implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(WebhookSecretsMigration.class);

	private final MongoTemplate mongo;

	private final WebhookSecrets secrets;

	WebhookSecretsMigration(MongoTemplate mongo, WebhookSecrets secrets) {
		this.mongo = mongo;
		this.secrets = secrets;
	}

	@Override
	public void run(ApplicationArguments args) {
		migrate();
	}

	/** @return how many documents were (re-)sealed */
	int migrate() {
		int changed = 0;
		// a small collection (at most 10 active webhooks per department): read it whole, decide here
		for (WebhookSubscription subscription : mongo.findAll(WebhookSubscription.class)) {
			Query unchanged;
			String plain;
			if (subscription.secret != null) {
				plain = subscription.secret;
				unchanged = new Query(Criteria.where("_id").is(subscription.id).and("secret").is(subscription.secret));
			}
			else if (subscription.sealedSecret != null && !secrets.sealedWithActiveKey(subscription.sealedSecret)) {
				try {
					plain = secrets.open(subscription.id, subscription.sealedSecret);
				}
				catch (IllegalStateException ex) {
					// its key is gone: the service still starts; this webhook's deliveries dead-letter naming the
					// cause, and the department registers it again
					log.warn("webhook {} of {}: {}", subscription.id, subscription.departmentCode, ex.getMessage());
					continue;
				}
				unchanged = new Query(
						Criteria.where("_id").is(subscription.id).and("sealedSecret").is(subscription.sealedSecret));
			}
			else {
				continue;
			}
			changed += (int) mongo
				.updateFirst(unchanged, new Update().set("sealedSecret", secrets.seal(subscription.id, plain))
					.unset("secret"), WebhookSubscription.class)
				.getModifiedCount();
		}
		if (changed > 0) {
			log.info("sealed {} webhook secret(s) with key {}", changed, secrets.activeKeyId());
		}
		return changed;
	}

}
