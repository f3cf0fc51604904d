package org.yiwang.shared.events;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The envelope every event on every topic travels in (see docs/events.md).
 *
 * @param eventId unique id of this event (UUID), the key consumers de-duplicate on
 * @param type event type, {@code <aggregate>.<PastTense>}, e.g. {@code application.CaseApproved}
 * @param version schema version of the payload, starting at 1
 * @param occurredAt when the state change happened
 * @param aggregateId id of the aggregate that emitted it; also the Kafka record key
 * @param correlationId the id of the originating request, carried through all hops
 * @param causationId the event (or request) that caused this one, may be null
 * @param producer the service that produced the event
 * @param payload the event's data, a JSON object
 */
public record EventEnvelope(String eventId, String type, int version, Instant occurredAt, String aggregateId,
		String correlationId, String causationId, String producer, Map<String, Object> payload) {

	public EventEnvelope {
		requireText(eventId, "eventId");
		requireText(type, "type");
		if (version < 1) {
			throw new InvalidEventException("version", "must be >= 1");
		}
		if (occurredAt == null) {
			throw new InvalidEventException("occurredAt", "must be present");
		}
		requireText(aggregateId, "aggregateId");
		requireText(producer, "producer");
		payload = payload == null ? Map.of() : payload;
	}

	private static void requireText(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidEventException(field, "must be present");
		}
	}

	public boolean is(String eventType) {
		return Objects.equals(type, eventType);
	}

}
