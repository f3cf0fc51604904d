package org.yiwang.shared.messaging;

import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.web.Correlation;

/**
 * Runs an event's effect at most once per consumer. The effect itself must be keyed on a natural id (an upsert,
 * or an insert guarded by a unique key) so that a crash between the effect and the record cannot apply it twice
 * either; the record here lets duplicates skip the work.
 * <p>
 * A consumer names the event types it acts on and skips the others before any database work (ignoring an event is
 * idempotent by itself, so it needs no record) and, when the record's {@code eventType} header names the type,
 * before parsing it ({@link EventRecords}). Where the effect is nothing but inserts keyed on the event id, the
 * record would only repeat that key (or the effect is a no-op when repeated): {@link #applyKeyed} runs it without
 * one. Measured under the theme benchmark (issue 11): 42 records per application, each a lookup and an insert, for
 * 9 effects.
 */
public class IdempotentConsumer {

	private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

	private final ProcessedEvents processed;

	public IdempotentConsumer(ProcessedEvents processed) {
		this.processed = processed;
	}

	/**
	 * Reads the record if it is of one of the given types ({@link EventRecords#read}: a record whose
	 * {@code eventType} header names another type is skipped unparsed), sets the correlation context and applies
	 * the effect unless this consumer already processed the event. A malformed record of one of the types raises
	 * {@code InvalidEventException} (dead-lettered, no retry); one of another type is skipped with no record.
	 * @return true if the effect ran
	 */
	public boolean handle(String consumer, ConsumerRecord<?, String> record, Set<String> types,
			Consumer<EventEnvelope> effect) {
		EventEnvelope envelope = EventRecords.read(record, types);
		return envelope != null && handle(consumer, envelope, effect);
	}

	/**
	 * Runs the effect for events of the given types with no processed-event record: only for effects that are
	 * idempotent by themselves — inserts keyed on the event id (a redelivered event meets the duplicate key), or a
	 * change that is a no-op when applied again (the same licence recorded on the same case). Other types are
	 * skipped as in {@link #handle(String, ConsumerRecord, Set, Consumer)}.
	 * @return true if the effect ran
	 */
	public boolean applyKeyed(ConsumerRecord<?, String> record, Set<String> types, Consumer<EventEnvelope> effect) {
		EventEnvelope envelope = EventRecords.read(record, types);
		return envelope != null && applyKeyed(envelope, effect);
	}

	/** {@link #applyKeyed(ConsumerRecord, Set, Consumer)} for an event already read (of a type the caller acts on). */
	public boolean applyKeyed(EventEnvelope envelope, Consumer<EventEnvelope> effect) {
		try (Correlation.Scope scope = Correlation.open(envelope.correlationId(), envelope.eventId())) {
			effect.accept(envelope);
			return true;
		}
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
