package org.yiwang.application.application;

/**
 * Who acts on a case: the applicant (or an authorised agent of the applying enterprise), or a department (an officer or the department's system) acting for its
 * department. The aggregate checks both the kind and the department.
 */
public record Actor(String subject, Kind kind, String departmentCode, String onBehalfOf) {

	public Actor(String subject, Kind kind, String departmentCode) {
		this(subject, kind, departmentCode, null);
	}

	public Actor {
		if (subject == null || subject.isBlank()) {
			throw new IllegalArgumentException("actor subject required");
		}
		if (kind == Kind.DEPARTMENT && (departmentCode == null || departmentCode.isBlank())) {
			throw new IllegalArgumentException("a department actor needs its department");
		}
	}

	public static Actor applicant(String subject) {
		return new Actor(subject, Kind.APPLICANT, null);
	}

	/** An enterprise agent acting for the enterprise (by its USCC) that applied; authorised by the desk. */
	public static Actor agentOf(String subject, String enterpriseUscc) {
		return new Actor(subject, Kind.APPLICANT, null, enterpriseUscc);
	}

	public static Actor department(String subject, String departmentCode) {
		return new Actor(subject, Kind.DEPARTMENT, departmentCode);
	}

	/** The two sides of a case. */
	public enum Kind {

		APPLICANT, DEPARTMENT

	}

}
