package org.yiwang.license.license;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Events of a licence's life after issuance, on {@code license.events} (v1). They are license-service's own
 * records until another service consumes them; then they move to platform-shared as contracts.
 */
public final class LicenseEvents {

	private LicenseEvents() {
	}

	/** {@code license.LicenseRevoked}: final; the licence is on its issuer's revocation list. */
	public record LicenseRevoked(String licenseNumber, String issuingDepartment, String holderSubject, String reason,
			String legalBasis, String revokedBy, Instant revokedAt) {

		public static final String TYPE = "license.LicenseRevoked";

	}

	/** {@code license.LicenseSuspended}: on the issuer's suspension list until reinstated. */
	public record LicenseSuspended(String licenseNumber, String issuingDepartment, String holderSubject,
			String reason, String legalBasis, String suspendedBy, Instant suspendedAt) {

		public static final String TYPE = "license.LicenseSuspended";

	}

	/** {@code license.LicenseReinstated}: a suspension lifted. */
	public record LicenseReinstated(String licenseNumber, String issuingDepartment, String holderSubject,
			String reason, String legalBasis, String reinstatedBy, Instant reinstatedAt) {

		public static final String TYPE = "license.LicenseReinstated";

	}

	/** {@code license.LicenseExpired}: the day after the last valid day. */
	public record LicenseExpired(String licenseNumber, String issuingDepartment, String holderSubject,
			LocalDate validUntil) {

		public static final String TYPE = "license.LicenseExpired";

	}

	/**
	 * {@code license.LicenseRenewalDue}: proactive reminder to the holder, 30 and 7 days before expiry, with the
	 * catalog item to apply for renewal (for now the item the licence was issued under; a dedicated renewal item
	 * needs the catalog's licence type to name it).
	 */
	public record LicenseRenewalDue(String licenseNumber, String licenseType, String licenseName,
			String holderSubject, String issuingDepartment, LocalDate validUntil, int daysLeft, int reminderDays,
			String renewalItemCode, String renewalLink) {

		public static final String TYPE = "license.LicenseRenewalDue";

		/** Nearest first: a licence found 5 days before expiry gets the 7-day reminder only. */
		public static final List<Integer> REMINDER_DAYS = List.of(7, 30);

	}

}
