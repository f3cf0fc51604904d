package org.yiwang.license.sharing;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A holder's permission for a department, or for the handling of one application, to use one licence as a
 * material (免提交 / 证照共享): time-bound, for a stated purpose, optionally once only, withdrawable at any time.
 */
@Document("license_grants")
public class Grant {

	/** Who may use the licence under the grant. */
	public enum GranteeType {

		/** Staff and systems of a department (grantee = department code). */
		DEPARTMENT,
		/** Whoever handles one application (grantee = application id), who must name it when reading. */
		APPLICATION

	}

	@Id
	private String id;

	private String licenseNumber;

	private String holderSubject;

	private GranteeType granteeType;

	private String grantee;

	private String purpose;

	private boolean onceOnly;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant usedAt;

	private Instant withdrawnAt;

	@Version
	private Long revision;

	@PersistenceCreator
	Grant() {
	}

	static Grant create(String licenseNumber, String holderSubject, GranteeType type, String grantee, String purpose,
			boolean onceOnly, Instant now, Instant expiresAt) {
		if (!expiresAt.isAfter(now)) {
			throw new IllegalArgumentException("expiresAt must be in the future");
		}
		Grant grant = new Grant();
		grant.id = "GRT-" + UUID.randomUUID();
		grant.licenseNumber = licenseNumber;
		grant.holderSubject = holderSubject;
		grant.granteeType = type;
		grant.grantee = grantee;
		grant.purpose = purpose;
		grant.onceOnly = onceOnly;
		grant.createdAt = now;
		grant.expiresAt = expiresAt;
		return grant;
	}

	void withdraw(Instant now) {
		if (withdrawnAt == null) {
			withdrawnAt = now;
		}
	}

	/** Why the grant cannot be used now, or null when it can (the grantee check is separate). */
	String unusableBecause(Instant now) {
		if (withdrawnAt != null) {
			return "the holder withdrew this grant";
		}
		if (!now.isBefore(expiresAt)) {
			return "this grant has expired";
		}
		if (onceOnly && usedAt != null) {
			return "this once-only grant was already used";
		}
		return null;
	}

	public String getId() {
		return id;
	}

	public String getLicenseNumber() {
		return licenseNumber;
	}

	public String getHolderSubject() {
		return holderSubject;
	}

	public GranteeType getGranteeType() {
		return granteeType;
	}

	public String getGrantee() {
		return grantee;
	}

	public String getPurpose() {
		return purpose;
	}

	public boolean isOnceOnly() {
		return onceOnly;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getExpiresAt() {
		return expiresAt;
	}

	public Instant getUsedAt() {
		return usedAt;
	}

	public Instant getWithdrawnAt() {
		return withdrawnAt;
	}

}
