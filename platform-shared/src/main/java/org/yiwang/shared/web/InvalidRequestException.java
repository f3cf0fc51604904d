package org.yiwang.shared.web;

import org.springframework.http.HttpStatus;

/** Rendered as {@code BAD_REQUEST} problem details with type {@code invalid-request}. */
public class InvalidRequestException extends DomainException {

	public InvalidRequestException(String detail) {
		super(detail, null, null);
	}

	public InvalidRequestException(String detail, String field, String rule) {
		super(detail, field, rule);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.BAD_REQUEST;
	}

	@Override
	public String problemType() {
		return "invalid-request";
	}

}
