package org.yiwang.exchange.subject;

import org.yiwang.shared.web.InvalidRequestException;

/** An ID number or USCC that fails its format or check character; a 400 naming the {@code subject} field. */
public class InvalidSubjectException extends InvalidRequestException {

	public InvalidSubjectException(String rule) {
		super("subject " + rule, "subject", rule);
	}

}
