package org.yiwang.application.department;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A department system's webhook: where its case events are pushed, and the secret they are signed with. The
 * secret is shown once, at registration, and kept only sealed ({@link WebhookSecrets}: AES-256-GCM with the
 * platform's webhook key); {@code secret} is the plain field of documents written before encryption, emptied by
 * {@link WebhookSecretsMigration} at startup.
 */
@Document("webhooks")
class WebhookSubscription {

	@Id
	String id;

	String departmentCode;

	String url;

	/** {@code v1:<keyId>:<base64>}, see {@link WebhookSecrets}. */
	String sealedSecret;

	/** Legacy plain secret (documents from before encryption at rest); null once migrated. */
	String secret;

	boolean active;

	/** The event types pushed to this hook (GitHub-style {@code events}); null or empty: every case event. */
	List<String> events;

	String createdBy;

	Instant createdAt;

	@PersistenceCreator
	WebhookSubscription() {
	}

	WebhookSubscription(String id, String departmentCode, String url, String sealedSecret, String createdBy,
			Instant createdAt) {
		this(id, departmentCode, url, sealedSecret, List.of(), createdBy, createdAt);
	}

	WebhookSubscription(String id, String departmentCode, String url, String sealedSecret, List<String> events,
			String createdBy, Instant createdAt) {
		this.id = id;
		this.events = events.isEmpty() ? null : List.copyOf(events);
		this.departmentCode = departmentCode;
		this.url = url;
		this.sealedSecret = sealedSecret;
		this.active = true;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	boolean wants(String eventType) {
		return this.events == null || this.events.isEmpty() || this.events.contains(eventType);
	}

	/** What a department's hook may ask for: the events of its cases. */
	static final Set<String> CASE_EVENTS = Set.of("application.CaseSubmitted", "application.CaseAccepted",
			"application.CaseRejected", "application.CaseReviewStarted", "application.CaseSentBack",
			"application.CaseRechecked", "application.CorrectionRequested", "application.CaseSupplemented",
			"application.SpecialProcedureStarted", "application.SpecialProcedureEnded", "application.CaseDenied",
			"application.CaseApproved", "application.CaseWithdrawn", "application.CaseTerminated",
			"application.CaseDeadlineWarning", "application.CaseOverdue", "application.ApprovalOverturned",
			"application.RectificationCompleted");

}
