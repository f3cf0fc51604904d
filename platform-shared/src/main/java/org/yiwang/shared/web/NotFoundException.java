package org.yiwang.shared.web;

import org.springframework.http.HttpStatus;

/** Rendered as {@code NOT_FOUND} problem details with type {@code not-found}. */
public class NotFoundException extends DomainException {

	public NotFoundException(String detail) {
		super(detail, null, null);
	}

	public NotFoundException(String detail, String field, String rule) {
		super(detail, field, rule);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.NOT_FOUND;
	}

	@Override
	public String problemType() {
		return "not-found";
	}

}
