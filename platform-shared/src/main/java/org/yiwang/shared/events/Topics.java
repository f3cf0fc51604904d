package org.yiwang.shared.events;

/**
 * Topic names: one topic per aggregate type, keyed by aggregate id; {@code <topic>.dlt} holds poison messages.
 */
public final class Topics {

	public static final String CATALOG = "catalog.events";

	public static final String APPLICATION = "application.events";

	public static final String LICENSE = "license.events";

	public static final String IDENTITY = "identity.events";

	public static final String EXCHANGE = "exchange.events";

	public static final String DLT_SUFFIX = ".dlt";

	private Topics() {
	}

	public static String deadLetter(String topic) {
		return topic + DLT_SUFFIX;
	}

}
