package org.yiwang.shared.events;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@link EventEnvelope}s as JSON, and converts payloads to and from contract records. A record
 * that is not a valid envelope raises {@link InvalidEventException}, which dead-letters it.
 */
public final class EventCodec {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.findAndAddModules()
		.build();

	private EventCodec() {
	}

	public static String write(EventEnvelope envelope) {
		return MAPPER.writeValueAsString(envelope);
	}

	public static EventEnvelope read(String json) {
		if (json == null || json.isBlank()) {
			throw new InvalidEventException("record", "must be a non-empty JSON envelope");
		}
		try {
			return MAPPER.readValue(json, EventEnvelope.class);
		}
		catch (InvalidEventException ex) {
			throw ex;
		}
		catch (JacksonException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof InvalidEventException invalid) {
				throw invalid;
			}
			throw new InvalidEventException("not a valid event envelope: " + ex.getOriginalMessage(), ex);
		}
	}

	/** Payload of an envelope as a contract record; missing required fields are reported by the record. */
	public static <T> T payload(EventEnvelope envelope, Class<T> type) {
		try {
			return MAPPER.convertValue(envelope.payload(), type);
		}
		catch (IllegalArgumentException | JacksonException ex) {
			Throwable root = ex;
			while (root.getCause() != null && !(root instanceof InvalidEventException)) {
				root = root.getCause();
			}
			if (root instanceof InvalidEventException invalid) {
				throw invalid;
			}
			throw new InvalidEventException("payload of " + envelope.type() + " is not a valid " + type.getSimpleName()
					+ ": " + ex.getMessage(), ex);
		}
	}

	public static Map<String, Object> toMap(Object payload) {
		return MAPPER.convertValue(payload, new TypeReference<Map<String, Object>>() {
		});
	}

}
