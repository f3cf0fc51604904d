package org.yiwang.exchange.access;

import org.yiwang.exchange.purpose.PurposeCategory;

/**
 * A consumer's request for one subject's data from one resource, bound to a purpose: its category (checked
 * against the grant) and its words (recorded), and, where the purpose is an application, its id.
 * {@code toString} never shows the subject.
 */
public record DataQuery(String resourceCode, String subject, PurposeCategory purposeCategory, String purpose,
		String applicationId, String legalBasis) {

	@Override
	public String toString() {
		return "DataQuery[" + resourceCode + ", " + purposeCategory + ", purpose=" + purpose + ", applicationId="
				+ applicationId + "]";
	}

}
