package org.yiwang.exchange.audit;

/** How an access attempt ended. Refusals and failures are recorded too: an attempt is an access. */
public enum AccessResult {

	/** data was returned */
	GRANTED,
	/** refused: the consumer department has no active grant */
	NO_GRANT,
	/** refused: the active grant does not cover the stated purpose category */
	PURPOSE_MISMATCH,
	/** the provider has no record of the subject */
	NOT_FOUND,
	/** the provider was down, slow, busy or its circuit open; nothing returned */
	PROVIDER_UNAVAILABLE

}
