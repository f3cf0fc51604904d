package org.yiwang.exchange.access;

import org.yiwang.shared.web.ForbiddenException;

/**
 * The consumer has an active grant, but not for the purpose category it states: 403 with type
 * {@code purpose-mismatch} and the reason ("grant GR-… covers …, not …"). The attempt is audited as
 * {@code PURPOSE_MISMATCH}.
 */
public class PurposeMismatchException extends ForbiddenException {

	PurposeMismatchException(String detail) {
		super(detail, "purposeCategory", "must be one of the grant's purpose categories");
	}

	@Override
	public String problemType() {
		return "purpose-mismatch";
	}

}
