package org.yiwang.exchange.provider;

/** A provider call failed in a way worth retrying (I/O error, 5xx, unreadable answer). */
class ProviderFailure extends RuntimeException {

	ProviderFailure(String message, Throwable cause) {
		super(message, cause);
	}

}
