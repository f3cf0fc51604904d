package org.yiwang.shared.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.EventHeaders;
import org.yiwang.shared.events.InvalidEventException;

/**
 * A consumed record's envelope, read only when the record may be of a type the listener acts on. The outbox relay
 * names every record's type in its {@value EventHeaders#EVENT_TYPE} header: a record whose header names another
 * type is skipped before its value is parsed (license-service acts on 2 of the dozen events an application makes,
 * and now parses 2). A record without the header (an older producer) is parsed and judged by its envelope, as
 * before.
 * <p>
 * Skipping is returning normally, so the container commits a skipped record's offset like any other. A record of a
 * type the listener acts on is parsed: a malformed one raises {@link InvalidEventException} (dead-lettered, no
 * retry), and so does one whose envelope contradicts its header — the header is trusted to skip, so it must be true.
 */
public final class EventRecords {

	private EventRecords() {
	}

	/**
	 * The envelope of a record of one of the given types, or null for a record of another type (by its header,
	 * unparsed; without a header, by its envelope).
	 * @throws InvalidEventException for a record that is not a valid envelope, unless its header names another type
	 */
	public static @Nullable EventEnvelope read(ConsumerRecord<?, String> record, Set<String> types) {
		String named = headerType(record);
		if (named != null && !types.contains(named)) {
			return null;
		}
		EventEnvelope envelope = EventCodec.read(record.value());
		if (named != null && !envelope.is(named)) {
			throw new InvalidEventException("type", "must be the type the record's " + EventHeaders.EVENT_TYPE
					+ " header names");
		}
		return types.contains(envelope.type()) ? envelope : null;
	}

	/** The type the record's {@value EventHeaders#EVENT_TYPE} header names; null when it has none. */
	public static @Nullable String headerType(ConsumerRecord<?, ?> record) {
		Header header = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
		return header == null || header.value() == null ? null
				: new String(header.value(), StandardCharsets.UTF_8);
	}

}
