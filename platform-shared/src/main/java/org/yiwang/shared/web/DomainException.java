package org.yiwang.shared.web;

import org.springframework.http.HttpStatus;

/**
 * A client-caused failure with a stable problem type, rendered as RFC 9457 problem details. Subclasses name the
 * HTTP status; {@code field} and {@code rule} are added to {@code errors[]} when given.
 */
public abstract class DomainException extends RuntimeException {

	private final String field;

	private final String rule;

	protected DomainException(String detail, String field, String rule) {
		super(detail);
		this.field = field;
		this.rule = rule;
	}

	public abstract HttpStatus status();

	/** Short stable slug, the last part of the problem {@code type} URI. */
	public abstract String problemType();

	public String field() {
		return field;
	}

	public String rule() {
		return rule;
	}

}
