package org.yiwang.shared.web;

import org.springframework.http.HttpStatus;

/** Rendered as {@code CONFLICT} problem details with type {@code conflict}. */
public class ConflictException extends DomainException {

	public ConflictException(String detail) {
		super(detail, null, null);
	}

	public ConflictException(String detail, String field, String rule) {
		super(detail, field, rule);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

	@Override
	public String problemType() {
		return "conflict";
	}

}
