package org.yiwang.exchange.provider;

import org.yiwang.shared.web.NotFoundException;

/** The provider has no record of the subject: a 404; it does not count against the provider's health. */
public class SubjectNotFoundException extends NotFoundException {

	public SubjectNotFoundException(String resourceCode, String maskedSubject) {
		super(resourceCode + " has no record of " + maskedSubject);
	}

}
