package org.yiwang.shared.outbox;

import java.time.Instant;
import java.util.Map;

import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.ids.TimeOrderedIds;
import org.yiwang.shared.web.Correlation;

/**
 * An event waiting to be published, stored INSIDE the aggregate's own document (field {@code outbox}) so that it
 * is written atomically with the state change that caused it; no multi-document transaction is needed. The
 * {@link OutboxRelay} publishes it and then removes it from the document.
 */
public final class OutboxMessage {

	private String eventId;

	private String topic;

	private String type;

	private int version;

	private Instant occurredAt;

	private String aggregateId;

	private String correlationId;

	private String causationId;

	private Map<String, Object> payload;

	OutboxMessage() {
	}

	private OutboxMessage(String topic, String type, int version, String aggregateId, String causationId,
			Map<String, Object> payload, Instant occurredAt) {
		this.eventId = TimeOrderedIds.uuid().toString();
		this.topic = topic;
		this.type = type;
		this.version = version;
		this.occurredAt = occurredAt;
		this.aggregateId = aggregateId;
		this.correlationId = Correlation.currentOrNew();
		this.causationId = causationId;
		this.payload = payload;
	}

	/**
	 * A new event for the outbox; the payload (a contract record) is converted to a JSON object now, the
	 * correlation id is taken from the current request or consumed event.
	 */
	public static OutboxMessage of(String topic, String type, int version, String aggregateId, Object payload) {
		return of(topic, type, version, aggregateId, payload, Correlation.causation());
	}

	public static OutboxMessage of(String topic, String type, int version, String aggregateId, Object payload,
			String causationId) {
		return new OutboxMessage(topic, type, version, aggregateId, causationId, EventCodec.toMap(payload),
				Instant.now());
	}

	public String getEventId() {
		return eventId;
	}

	public String getTopic() {
		return topic;
	}

	public String getType() {
		return type;
	}

	public int getVersion() {
		return version;
	}

	public Instant getOccurredAt() {
		return occurredAt;
	}

	public String getAggregateId() {
		return aggregateId;
	}

	public String getCorrelationId() {
		return correlationId;
	}

	public String getCausationId() {
		return causationId;
	}

	public Map<String, Object> getPayload() {
		return payload;
	}

}
