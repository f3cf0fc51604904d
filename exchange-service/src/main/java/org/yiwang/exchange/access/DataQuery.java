package org.yiwang.exchange.access;

/**
 * A consumer's request for one subject's data from one resource, bound to a purpose (and, where the purpose is an
 * application, its id). {@code toString} never shows the subject.
 */
public record DataQuery(String resourceCode, String subject, String purpose, String applicationId,
		String legalBasis) {

	@Override
	public String toString() {
		return "DataQuery[" + resourceCode + ", purpose=" + purpose + ", applicationId=" + applicationId + "]";
	}

}
