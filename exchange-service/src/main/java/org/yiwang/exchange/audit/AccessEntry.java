package org.yiwang.exchange.audit;

import java.util.List;

import org.yiwang.exchange.purpose.PurposeCategory;

/**
 * What is to be recorded about one access, before it gets its place in the chain. {@code subject} is the plain
 * ID number / USCC; it is hashed and masked by {@link AuditLog} and never stored.
 */
public record AccessEntry(String userSubject, String username, String clientId, String department, String subject,
		String resourceCode, String providerDepartment, List<String> fields, String purpose, String legalBasis,
		String applicationId, String grantId, String channel, AccessResult result, String detail,
		PurposeCategory purposeCategory) {

	@Override
	public String toString() {
		return "AccessEntry[" + resourceCode + ", " + department + ", " + result + "]";
	}

}
