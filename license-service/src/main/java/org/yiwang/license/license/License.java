package org.yiwang.license.license;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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

	private String holderSubject;

	private String holderName;

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

	/** The signed credential (VC 2.0 as JWS, {@code vc+jwt}). */
	private String credential;

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

	public static License issue(String number, Issuance issuance, Instant now, int statusIndex) {
		License license = new License();
		license.number = number;
		license.type = issuance.type();
		license.typeName = issuance.typeName();
		license.holderSubject = issuance.holderSubject();
		license.holderName = issuance.holderName();
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
				new LicenseIssued(number, issuance.type(), issuance.holderSubject(), issuance.caseId(),
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
		this.credential = credential;
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
	public record Issuance(String type, String typeName, String holderSubject, String holderName,
			String issuingDepartment, String caseId, String applicationId, String itemCode, int validityYears,
			Map<String, Object> fields) {
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
		return credential;
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
