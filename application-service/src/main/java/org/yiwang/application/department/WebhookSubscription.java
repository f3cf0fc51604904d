package org.yiwang.application.department;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A department system's webhook: where its case events are pushed, and the secret they are signed with. The
 * secret is shown once, at registration. (At rest it should be encrypted with a platform key; see the docs.)
 */
@Document("webhooks")
class WebhookSubscription {

	@Id
	String id;

	String departmentCode;

	String url;

	String secret;

	boolean active;

	String createdBy;

	Instant createdAt;

	@PersistenceCreator
	WebhookSubscription() {
	}

	WebhookSubscription(String id, String departmentCode, String url, String secret, String createdBy,
			Instant createdAt) {
		this.id = id;
		this.departmentCode = departmentCode;
		this.url = url;
		this.secret = secret;
		this.active = true;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

}
