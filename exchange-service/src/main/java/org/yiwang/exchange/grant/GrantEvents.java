package org.yiwang.exchange.grant;

import java.time.Instant;
import java.util.List;

import org.yiwang.exchange.purpose.PurposeCategory;

/**
 * What happens to a grant, published on {@code exchange.events} (key = grant id). Provider and consumer systems
 * (and supervision) follow their data-sharing relations from these.
 */
public final class GrantEvents {

	private GrantEvents() {
	}

	/**
	 * {@code exchange.GrantRequested}: a consumer department asked for fields of a resource, for a purpose (and its
	 * purpose categories).
	 */
	public record GrantRequested(String grantId, String resourceCode, String providerDepartment,
			String consumerDepartment, List<String> requestedFields, String purpose, String legalBasis,
			int durationDays, String requestedBy, Instant requestedAt, List<PurposeCategory> purposeCategories) {

		public static final String TYPE = "exchange.GrantRequested";

	}

	/**
	 * {@code exchange.GrantApproved}: data may flow until {@code expiresAt}, for the granted purpose categories;
	 * {@code automatic} when the resource is shared unconditionally.
	 */
	public record GrantApproved(String grantId, String resourceCode, String providerDepartment,
			String consumerDepartment, List<String> grantedFields, String purpose, Instant expiresAt,
			boolean automatic, String approvedBy, Instant approvedAt, List<PurposeCategory> purposeCategories) {

		public static final String TYPE = "exchange.GrantApproved";

	}

	/** {@code exchange.GrantDenied}: the provider refused, with the reason. */
	public record GrantDenied(String grantId, String resourceCode, String providerDepartment,
			String consumerDepartment, String reason, String deniedBy, Instant deniedAt) {

		public static final String TYPE = "exchange.GrantDenied";

	}

	/** {@code exchange.GrantRevoked}: an active grant was withdrawn before its expiry. */
	public record GrantRevoked(String grantId, String resourceCode, String providerDepartment,
			String consumerDepartment, String reason, String revokedBy, Instant revokedAt) {

		public static final String TYPE = "exchange.GrantRevoked";

	}

	/** {@code exchange.GrantExpired}: an active grant reached its end. */
	public record GrantExpired(String grantId, String resourceCode, String providerDepartment,
			String consumerDepartment, Instant expiredAt) {

		public static final String TYPE = "exchange.GrantExpired";

	}

}
