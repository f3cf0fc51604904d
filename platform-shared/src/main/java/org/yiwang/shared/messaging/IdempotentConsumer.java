package org.yiwang.shared.messaging;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.web.Correlation;

/**
 * Runs an event's effect at most once per consumer. The effect itself must be keyed on a natural id (an upsert,
 * or an insert guarded by a unique key) so that a crash between the effect and the record cannot apply it twice
 * either; the record here lets duplicates skip the work.
 */
public class IdempotentConsumer {

	private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

	private final ProcessedEvents processed;

	public IdempotentConsumer(ProcessedEvents processed) {
		this.processed = processed;
	}

	/**
	 * Parses the record, sets the correlation context and applies the effect unless this consumer already
	 * processed the event. A malformed record raises {@code InvalidEventException} (dead-lettered, no retry).
	 * @return true if the effect ran
	 */
	public boolean handle(String consumer, String record, Consumer<EventEnvelope> effect) {
		EventEnvelope envelope = EventCodec.read(record);
		return handle(consumer, envelope, effect);
	}

	public boolean handle(String consumer, EventEnvelope envelope, Consumer<EventEnvelope> effect) {
		try (Correlation.Scope scope = Correlation.open(envelope.correlationId(), envelope.eventId())) {
			if (processed.contains(consumer, envelope.eventId())) {
				log.info("{} skips duplicate event {} {}", consumer, envelope.type(), envelope.eventId());
				return false;
			}
			effect.accept(envelope);
			processed.record(consumer, envelope.eventId(), envelope.type());
			return true;
		}
	}

}
