package org.yiwang.application.application;

/** Where a case (子件) stands. The full statutory lifecycle grows in the application-service issue. */
public enum CaseStatus {

	/** submitted, waiting for the department */
	SUBMITTED,
	/** 办结·准予 */
	APPROVED,
	/** 办结·不予 */
	DENIED;

	public boolean concluded() {
		return this == APPROVED || this == DENIED;
	}

}
