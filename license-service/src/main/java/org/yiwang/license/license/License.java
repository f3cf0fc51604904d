package org.yiwang.license.license;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

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

	@Version
	private Long revision;

	private List<OutboxMessage> outbox = new ArrayList<>();

	@PersistenceCreator
	License() {
	}

	public static License issue(String number, Issuance issuance, Instant now) {
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
		license.outbox.add(OutboxMessage.of(Topics.LICENSE, LicenseIssued.TYPE, LicenseIssued.VERSION, number,
				new LicenseIssued(number, issuance.type(), issuance.holderSubject(), issuance.caseId(),
						issuance.applicationId(), now)));
		return license;
	}

	/** What an approved case asks to be issued. */
	public record Issuance(String type, String typeName, String holderSubject, String holderName,
			String issuingDepartment, String caseId, String applicationId, String itemCode, int validityYears) {
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
