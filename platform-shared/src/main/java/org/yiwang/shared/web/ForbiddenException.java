package org.yiwang.shared.web;

import org.springframework.http.HttpStatus;

/** Rendered as {@code FORBIDDEN} problem details with type {@code forbidden}. */
public class ForbiddenException extends DomainException {

	public ForbiddenException(String detail) {
		super(detail, null, null);
	}

	public ForbiddenException(String detail, String field, String rule) {
		super(detail, field, rule);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.FORBIDDEN;
	}

	@Override
	public String problemType() {
		return "forbidden";
	}

}
