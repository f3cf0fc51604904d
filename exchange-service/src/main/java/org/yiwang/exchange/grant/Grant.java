package org.yiwang.exchange.grant;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.yiwang.exchange.purpose.PurposeCategory;
import org.yiwang.exchange.resource.DataResource;
import org.yiwang.exchange.resource.SharingType;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.outbox.OutboxMessage;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.InvalidRequestException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A consumer department's purpose-bound right to fields of a resource (共享申请 / 授权), for the purpose categories
 * ({@link PurposeCategory}) the provider agreed to beside the free-text purpose. It starts as a request;
 * the provider approves (possibly fewer fields) or denies; an unconditionally shared resource is approved at once.
 * An approved grant lets data flow until it expires or is revoked. Every change records an event in the same
 * document (outbox) and every decision states the revision it saw.
 */
@Document("grants")
public class Grant {

	public static final int MAX_DURATION_DAYS = 3 * 366;

	@Id
	private String id;

	private String resourceCode;

	private String resourceName;

	private String providerDepartment;

	private String consumerDepartment;

	private List<String> requestedFields = new ArrayList<>();

	private List<String> grantedFields = new ArrayList<>();

	private List<PurposeCategory> requestedPurposeCategories = new ArrayList<>();

	private List<PurposeCategory> grantedPurposeCategories = new ArrayList<>();

	private String purpose;

	private String legalBasis;

	private int durationDays;

	private GrantStatus status;

	private String requestedBy;

	private Instant requestedAt;

	private String decidedBy;

	private Instant decidedAt;

	private String reason;

	private Instant expiresAt;

	@Version
	private Long revision;

	private List<OutboxMessage> outbox = new ArrayList<>();

	@PersistenceCreator
	Grant() {
	}

	public static Grant request(DataResource resource, String consumerDepartment, List<String> fields,
			List<PurposeCategory> purposeCategories, String purpose, String legalBasis, int durationDays, String by,
			Instant now) {
		if (resource.getSharingType() == SharingType.NOT_SHARED) {
			throw new InvalidRequestException("resource " + resource.getCode() + " is not shared (不予共享)",
					"resourceCode", "must be a shared resource");
		}
		if (purposeCategories == null || purposeCategories.isEmpty()
				|| purposeCategories.stream().anyMatch(java.util.Objects::isNull)) {
			throw new InvalidRequestException("at least one purpose category is required", "purposeCategories",
					"must list purpose categories of " + List.of(PurposeCategory.values()));
		}
		if (purpose == null || purpose.isBlank()) {
			throw new InvalidRequestException("a purpose is required", "purpose", "must not be blank");
		}
		if (legalBasis == null || legalBasis.isBlank()) {
			throw new InvalidRequestException("a legal basis is required", "legalBasis", "must not be blank");
		}
		if (durationDays < 1 || durationDays > MAX_DURATION_DAYS) {
			throw new InvalidRequestException("durationDays out of range", "durationDays",
					"must be between 1 and " + MAX_DURATION_DAYS);
		}
		if (fields == null || fields.isEmpty()) {
			throw new InvalidRequestException("at least one field is required", "fields", "must not be empty");
		}
		for (String field : fields) {
			if (resource.field(field).isEmpty()) {
				throw new InvalidRequestException("resource " + resource.getCode() + " has no field " + field,
						"fields", "must be fields of the resource: " + resource.fieldNames());
			}
		}
		Grant grant = new Grant();
		grant.id = "GR-" + UUID.randomUUID();
		grant.resourceCode = resource.getCode();
		grant.resourceName = resource.getName();
		grant.providerDepartment = resource.getProviderDepartment();
		grant.consumerDepartment = consumerDepartment;
		grant.requestedFields = List.copyOf(new LinkedHashSet<>(fields));
		grant.requestedPurposeCategories = List.copyOf(new LinkedHashSet<>(purposeCategories));
		grant.purpose = purpose.strip();
		grant.legalBasis = legalBasis.strip();
		grant.durationDays = durationDays;
		grant.status = GrantStatus.REQUESTED;
		grant.requestedBy = by;
		grant.requestedAt = now;
		grant.outbox.add(OutboxMessage.of(Topics.EXCHANGE, GrantEvents.GrantRequested.TYPE, 1, grant.id,
				new GrantEvents.GrantRequested(grant.id, grant.resourceCode, grant.providerDepartment,
						consumerDepartment, grant.requestedFields, grant.purpose, grant.legalBasis, durationDays, by,
						now, grant.requestedPurposeCategories)));
		if (resource.getSharingType() == SharingType.UNCONDITIONAL) {
			// 无条件共享: any government department gets it without a decision by the provider, for the purposes
			// it stated
			grant.activate(grant.requestedFields, grant.requestedPurposeCategories, "system:unconditional", now, true);
		}
		return grant;
	}

	/**
	 * The provider agrees, possibly to fewer fields and fewer purpose categories than requested (empty or null =
	 * as requested).
	 */
	public void approve(List<String> fields, List<PurposeCategory> purposeCategories, long expectedRevision, String by,
			Instant now) {
		requireRevision(expectedRevision);
		requireStatus(GrantStatus.REQUESTED, "approved");
		List<String> granted = fields == null || fields.isEmpty() ? requestedFields
				: List.copyOf(new LinkedHashSet<>(fields));
		for (String field : granted) {
			if (!requestedFields.contains(field)) {
				throw new InvalidRequestException("field " + field + " was not requested", "fields",
						"must be a subset of the requested fields " + requestedFields);
			}
		}
		List<PurposeCategory> categories = purposeCategories == null || purposeCategories.isEmpty()
				? getRequestedPurposeCategories() : List.copyOf(new LinkedHashSet<>(purposeCategories));
		for (PurposeCategory category : categories) {
			if (category == null || !getRequestedPurposeCategories().contains(category)) {
				throw new InvalidRequestException("purpose category " + category + " was not requested",
						"purposeCategories",
						"must be a subset of the requested purpose categories " + getRequestedPurposeCategories());
			}
		}
		activate(granted, categories, by, now, false);
	}

	private void activate(List<String> fields, List<PurposeCategory> categories, String by, Instant now,
			boolean automatic) {
		grantedFields = List.copyOf(fields);
		grantedPurposeCategories = List.copyOf(categories);
		status = GrantStatus.ACTIVE;
		decidedBy = by;
		decidedAt = now;
		expiresAt = now.plus(Duration.ofDays(durationDays));
		outbox.add(OutboxMessage.of(Topics.EXCHANGE, GrantEvents.GrantApproved.TYPE, 1, id,
				new GrantEvents.GrantApproved(id, resourceCode, providerDepartment, consumerDepartment, grantedFields,
						purpose, expiresAt, automatic, by, now, grantedPurposeCategories)));
	}

	/**
	 * Whether the grant covers data use for this purpose category. A grant from before categories existed covers
	 * none: the consumer requests anew, stating its purposes.
	 */
	public boolean covers(PurposeCategory category) {
		return getGrantedPurposeCategories().contains(category);
	}

	public void deny(String why, long expectedRevision, String by, Instant now) {
		requireRevision(expectedRevision);
		requireStatus(GrantStatus.REQUESTED, "denied");
		requireReason(why);
		status = GrantStatus.DENIED;
		decidedBy = by;
		decidedAt = now;
		reason = why.strip();
		outbox.add(OutboxMessage.of(Topics.EXCHANGE, GrantEvents.GrantDenied.TYPE, 1, id,
				new GrantEvents.GrantDenied(id, resourceCode, providerDepartment, consumerDepartment, reason, by, now)));
	}

	public void revoke(String why, long expectedRevision, String by, Instant now) {
		requireRevision(expectedRevision);
		requireStatus(GrantStatus.ACTIVE, "revoked");
		requireReason(why);
		status = GrantStatus.REVOKED;
		reason = why.strip();
		outbox.add(OutboxMessage.of(Topics.EXCHANGE, GrantEvents.GrantRevoked.TYPE, 1, id,
				new GrantEvents.GrantRevoked(id, resourceCode, providerDepartment, consumerDepartment, reason, by,
						now)));
	}

	/** Marks an active grant past its end as expired; returns whether anything changed. */
	public boolean expireIfDue(Instant now) {
		if (status != GrantStatus.ACTIVE || expiresAt.isAfter(now)) {
			return false;
		}
		status = GrantStatus.EXPIRED;
		outbox.add(OutboxMessage.of(Topics.EXCHANGE, GrantEvents.GrantExpired.TYPE, 1, id,
				new GrantEvents.GrantExpired(id, resourceCode, providerDepartment, consumerDepartment, now)));
		return true;
	}

	/** Whether data may flow now: approved and not past its expiry (even before the expiry sweep marks it). */
	public boolean isActiveAt(Instant now) {
		return status == GrantStatus.ACTIVE && expiresAt.isAfter(now);
	}

	private void requireRevision(long expectedRevision) {
		if (revision == null || revision != expectedRevision) {
			throw new ConflictException("the grant was changed by someone else (revision " + revision + ")",
					"revision", "must be the current revision " + revision);
		}
	}

	private void requireStatus(GrantStatus required, String action) {
		if (status != required) {
			throw new ConflictException("a " + status + " grant cannot be " + action, "status", "must be " + required);
		}
	}

	private static void requireReason(String why) {
		if (why == null || why.isBlank()) {
			throw new InvalidRequestException("a reason is required", "reason", "must not be blank");
		}
	}

	public String getId() {
		return id;
	}

	public String getResourceCode() {
		return resourceCode;
	}

	public String getResourceName() {
		return resourceName;
	}

	public String getProviderDepartment() {
		return providerDepartment;
	}

	public String getConsumerDepartment() {
		return consumerDepartment;
	}

	public List<String> getRequestedFields() {
		return List.copyOf(requestedFields);
	}

	public List<String> getGrantedFields() {
		return List.copyOf(grantedFields);
	}

	public List<PurposeCategory> getRequestedPurposeCategories() {
		return requestedPurposeCategories == null ? List.of() : List.copyOf(requestedPurposeCategories);
	}

	public List<PurposeCategory> getGrantedPurposeCategories() {
		return grantedPurposeCategories == null ? List.of() : List.copyOf(grantedPurposeCategories);
	}

	public String getPurpose() {
		return purpose;
	}

	public String getLegalBasis() {
		return legalBasis;
	}

	public int getDurationDays() {
		return durationDays;
	}

	public GrantStatus getStatus() {
		return status;
	}

	public String getRequestedBy() {
		return requestedBy;
	}

	public Instant getRequestedAt() {
		return requestedAt;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public String getReason() {
		return reason;
	}

	public Instant getExpiresAt() {
		return expiresAt;
	}

	public Long getRevision() {
		return revision;
	}

}
