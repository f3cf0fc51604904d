package org.yiwang.license.license;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.yiwang.license.pii.Sealed;
import org.yiwang.shared.contracts.LicenseIssued;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.outbox.OutboxMessage;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An e-licence. At most one per approved case: {@code caseId} carries a unique index, so a duplicated or replayed
 * {@code CaseApproved} can never issue a second licence.
 */
@Document("licenses")
public class License {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Id
	private String number;

	private String type;

	private String typeName;

	/** For a person the holder's subject; for an enterprise the agent who applied (the account notified). */
	private String holderSubject;

	private String holderName;

	/** PERSON or ENTERPRISE; null on licences issued before holders were typed (persons). */
	private Holder.Type holderType;

	private Holder.IdType holderIdType;

	/** The enterprise holder's 统一社会信用代码 (not personal data). */
	@Indexed
	private String holderUscc;

	/** The person holder's ID number, encrypted at rest (AES-GCM). */
	private Sealed holderIdNumber;

	/** Keyed hash (HMAC-SHA256) of the person holder's ID number: found by number without decrypting. */
	@Indexed
	private String holderIdHash;

	private String holderIdMasked;

	/** False when the person had no bound real-name identity at issuance (identified by subject and name only). */
	private Boolean identityBound;

	/** For an enterprise licence: the authorised agent who applied. */
	private String agentSubject;

	private String agentName;

	private String issuingDepartment;

	@Indexed(unique = true)
	private String caseId;

	private String applicationId;

	private String itemCode;

	private Instant issuedAt;

	private LocalDate validFrom;

	private LocalDate validUntil;

	private LicenseStatus status;

	/** The licence's data fields (business scope, premises address, seat count…), as issued. */
	private Map<String, Object> fields = new LinkedHashMap<>();

	/** Position in the issuer's status lists, drawn at random so that list positions reveal nothing. */
	private int statusIndex;

	/** The signed credential (VC 2.0 as JWS, {@code vc+jwt}); encrypted at rest, it may carry an ID number. */
	private Sealed credential;

	private String credentialKid;

	private List<StatusChange> history = new ArrayList<>();

	/** Days-before-expiry for which a renewal reminder was already emitted. */
	private TreeSet<Integer> remindersSent = new TreeSet<>();

	@Version
	private Long revision;

	private List<OutboxMessage> outbox = new ArrayList<>();

	@PersistenceCreator
	License() {
	}

	/**
	 * A new, valid licence.
	 * @param idHash keyed hash of the person holder's ID number (null for other holders)
	 */
	public static License issue(String number, Issuance issuance, Instant now, int statusIndex, String idHash) {
		License license = new License();
		Holder holder = issuance.holder();
		license.number = number;
		license.type = issuance.type();
		license.typeName = issuance.typeName();
		license.holderSubject = holder.subject();
		license.holderName = holder.name();
		license.holderType = holder.type();
		license.holderIdType = holder.idType();
		license.identityBound = holder.identityBound();
		license.agentSubject = holder.agentSubject();
		license.agentName = holder.agentName();
		switch (holder.idType()) {
			case USCC -> license.holderUscc = holder.identifier();
			case ID_NUMBER -> {
				license.holderIdNumber = Sealed.of(holder.identifier());
				license.holderIdHash = java.util.Objects.requireNonNull(idHash, "idHash");
				license.holderIdMasked = holder.identifierMasked();
			}
			case PLATFORM_SUBJECT -> {
			}
		}
		license.issuingDepartment = issuance.issuingDepartment();
		license.caseId = issuance.caseId();
		license.applicationId = issuance.applicationId();
		license.itemCode = issuance.itemCode();
		license.issuedAt = now;
		license.validFrom = LocalDate.ofInstant(now, ZONE);
		license.validUntil = issuance.validityYears() > 0
				? license.validFrom.plusYears(issuance.validityYears()).minusDays(1) : null;
		license.status = LicenseStatus.VALID;
		license.statusIndex = statusIndex;
		if (issuance.fields() != null) {
			license.fields.putAll(issuance.fields());
		}
		license.outbox.add(OutboxMessage.of(Topics.LICENSE, LicenseIssued.TYPE, LicenseIssued.VERSION, number,
				new LicenseIssued(number, issuance.type(), holder.subject(), issuance.caseId(),
						issuance.applicationId(), now)));
		return license;
	}

	/** For licences stored before credentials: their status list position, given once before signing. */
	void assignStatusIndex(int index) {
		if (credential != null) {
			throw new IllegalStateException("licence " + number + " is already signed");
		}
		this.statusIndex = index;
	}

	/** Attaches the signed credential; done once, before the licence is first stored. */
	public void secure(String credential, String kid) {
		if (this.credential != null) {
			throw new IllegalStateException("licence " + number + " is already signed");
		}
		this.credential = new Sealed(credential);
		this.credentialKid = kid;
	}

	/** Revocation is final: the licence can no longer be suspended or reinstated. */
	public void revoke(String by, String reason, String legalBasis, Instant at) {
		requireNotRevoked();
		change(LicenseStatus.REVOKED, "REVOKE", by, reason, legalBasis, at);
		outbox.add(OutboxMessage.of(Topics.LICENSE, LicenseEvents.LicenseRevoked.TYPE, 1, number,
				new LicenseEvents.LicenseRevoked(number, issuingDepartment, holderSubject, reason, legalBasis, by,
						at)));
	}

	public void suspend(String by, String reason, String legalBasis, Instant at) {
		if (status != LicenseStatus.VALID) {
			throw new IllegalStateException("only a valid licence can be suspended; this one is " + status);
		}
		change(LicenseStatus.SUSPENDED, "SUSPEND", by, reason, legalBasis, at);
		outbox.add(OutboxMessage.of(Topics.LICENSE, LicenseEvents.LicenseSuspended.TYPE, 1, number,
				new LicenseEvents.LicenseSuspended(number, issuingDepartment, holderSubject, reason, legalBasis, by,
						at)));
	}

	public void reinstate(String by, String reason, String legalBasis, Instant at) {
		if (status != LicenseStatus.SUSPENDED) {
			throw new IllegalStateException("only a suspended licence can be reinstated; this one is " + status);
		}
		change(LicenseStatus.VALID, "REINSTATE", by, reason, legalBasis, at);
		outbox.add(OutboxMessage.of(Topics.LICENSE, LicenseEvents.LicenseReinstated.TYPE, 1, number,
				new LicenseEvents.LicenseReinstated(number, issuingDepartment, holderSubject, reason, legalBasis, by,
						at)));
	}

	/**
	 * The proactive-service step of a day: marks the licence expired after its last valid day, or records the
	 * renewal reminder due (30 or 7 days before expiry), each at most once.
	 * @return whether anything changed
	 */
	public boolean onDay(LocalDate today, Instant at) {
		if (validUntil == null || status == LicenseStatus.REVOKED || status == LicenseStatus.EXPIRED) {
			return false;
		}
		if (today.isAfter(validUntil)) {
			change(LicenseStatus.EXPIRED, "EXPIRE", "system", "有效期届满", null, at);
			outbox.add(OutboxMessage.of(Topics.LICENSE, LicenseEvents.LicenseExpired.TYPE, 1, number,
					new LicenseEvents.LicenseExpired(number, issuingDepartment, holderSubject, validUntil)));
			return true;
		}
		long daysLeft = java.time.temporal.ChronoUnit.DAYS.between(today, validUntil);
		for (int threshold : LicenseEvents.LicenseRenewalDue.REMINDER_DAYS) {
			if (daysLeft <= threshold && !remindersSent.contains(threshold)) {
				// a reminder for a nearer threshold makes the farther one pointless
				remindersSent.addAll(LicenseEvents.LicenseRenewalDue.REMINDER_DAYS.stream()
					.filter(t -> t >= threshold)
					.toList());
				outbox.add(OutboxMessage.of(Topics.LICENSE, LicenseEvents.LicenseRenewalDue.TYPE, 1, number,
						new LicenseEvents.LicenseRenewalDue(number, type, typeName, holderSubject, issuingDepartment,
								validUntil, (int) daysLeft, threshold, itemCode,
								"/api/v1/catalog/items/" + itemCode)));
				return true;
			}
		}
		return false;
	}

	private void requireNotRevoked() {
		if (status == LicenseStatus.REVOKED) {
			throw new IllegalStateException("licence " + number + " is already revoked");
		}
	}

	private void change(LicenseStatus to, String action, String by, String reason, String legalBasis, Instant at) {
		history.add(new StatusChange(action, status, to, by, reason, legalBasis, at));
		status = to;
	}

	/**
	 * One status change, kept on the licence as its audit trail.
	 *
	 * @param action REVOKE, SUSPEND, REINSTATE, EXPIRE
	 * @param from status before
	 * @param to status after
	 * @param by the officer's subject, or {@code system}
	 * @param reason why (zh-CN)
	 * @param legalBasis the legal provision relied on
	 * @param at when
	 */
	public record StatusChange(String action, LicenseStatus from, LicenseStatus to, String by, String reason,
			String legalBasis, Instant at) {
	}

	/** What an approved case asks to be issued. */
	public record Issuance(String type, String typeName, Holder holder, String issuingDepartment, String caseId,
			String applicationId, String itemCode, int validityYears, Map<String, Object> fields) {
	}

	/** The holder as issued; licences from before typed holders are persons known by subject only. */
	public Holder holder() {
		if (holderType == null || holderIdType == null) {
			return new Holder(Holder.Type.PERSON, holderSubject, holderName, Holder.IdType.PLATFORM_SUBJECT,
					holderSubject, identityBound == null || identityBound, null, null);
		}
		String identifier = switch (holderIdType) {
			case ID_NUMBER -> Sealed.valueOf(holderIdNumber);
			case USCC -> holderUscc;
			case PLATFORM_SUBJECT -> holderSubject;
		};
		return new Holder(holderType, holderSubject, holderName, holderIdType, identifier,
				identityBound == null || identityBound, agentSubject, agentName);
	}

	/** Whether a person holds it under this subject (never true for an enterprise licence). */
	public boolean heldByPerson(String subject) {
		return getHolderType() == Holder.Type.PERSON && holderSubject != null && holderSubject.equals(subject);
	}

	/** Whether the enterprise with this USCC holds it. */
	public boolean heldByEnterprise(String uscc) {
		return getHolderType() == Holder.Type.ENTERPRISE && holderUscc != null && holderUscc.equals(uscc);
	}

	public Holder.Type getHolderType() {
		return holderType == null ? Holder.Type.PERSON : holderType;
	}

	public Holder.IdType getHolderIdType() {
		return holderIdType == null ? Holder.IdType.PLATFORM_SUBJECT : holderIdType;
	}

	/** The holder identifier fit for views: masked ID number, USCC, or platform subject. */
	public String getHolderIdentifierMasked() {
		return switch (getHolderIdType()) {
			case ID_NUMBER -> holderIdMasked;
			case USCC -> holderUscc;
			case PLATFORM_SUBJECT -> holderSubject;
		};
	}

	public String getHolderUscc() {
		return holderUscc;
	}

	public boolean isIdentityBound() {
		return identityBound == null || identityBound;
	}

	public String getAgentSubject() {
		return agentSubject;
	}

	public String getAgentName() {
		return agentName;
	}

	/** The first instant of validity (start of {@code validFrom} in China Standard Time). */
	public Instant validFromInstant() {
		return validFrom.atStartOfDay(ZONE).toInstant();
	}

	/** The last instant of validity (end of {@code validUntil}), or null when unlimited. */
	public Instant validUntilInstant() {
		return validUntil == null ? null : validUntil.plusDays(1).atStartOfDay(ZONE).toInstant().minusSeconds(1);
	}

	public Map<String, Object> getFields() {
		return Map.copyOf(fields);
	}

	public int getStatusIndex() {
		return statusIndex;
	}

	public String getCredential() {
		return Sealed.valueOf(credential);
	}

	public String getCredentialKid() {
		return credentialKid;
	}

	public List<StatusChange> getHistory() {
		return List.copyOf(history);
	}

	public Long getRevision() {
		return revision;
	}

	public String getNumber() {
		return number;
	}

	public String getType() {
		return type;
	}

	public String getTypeName() {
		return typeName;
	}

	public String getHolderSubject() {
		return holderSubject;
	}

	public String getHolderName() {
		return holderName;
	}

	public String getIssuingDepartment() {
		return issuingDepartment;
	}

	public String getCaseId() {
		return caseId;
	}

	public String getApplicationId() {
		return applicationId;
	}

	public String getItemCode() {
		return itemCode;
	}

	public Instant getIssuedAt() {
		return issuedAt;
	}

	public LocalDate getValidFrom() {
		return validFrom;
	}

	public LocalDate getValidUntil() {
		return validUntil;
	}

	public LicenseStatus getStatus() {
		return status;
	}

}
