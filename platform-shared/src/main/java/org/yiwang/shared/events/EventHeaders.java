package org.yiwang.shared.events;

/** Kafka record headers set by the outbox relay, mirroring envelope fields for routing without parsing. */
public final class EventHeaders {

	public static final String EVENT_ID = "eventId";

	public static final String EVENT_TYPE = "eventType";

	public static final String CORRELATION_ID = "X-Correlation-Id";

	private EventHeaders() {
	}

}
