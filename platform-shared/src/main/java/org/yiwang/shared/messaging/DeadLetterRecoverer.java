package org.yiwang.shared.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.shared.events.EventHeaders;
import org.yiwang.shared.events.InvalidEventException;
import org.yiwang.shared.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Sends a record that cannot be processed to {@code <topic>.dlt} (with Spring Kafka's exception headers), then logs
 * one ERROR line {@code DEAD-LETTER topic=… partition=… offset=… group=… eventId=… type=… reason=…} and counts it in
 * {@value #METRIC} (tags {@code topic}, {@code group}, {@code reason} = the exception's simple class name).
 * <p>
 * The line never carries the record's key or value: the event id and type are taken from the headers or the
 * envelope only when they look like an id and a type, and quoted literals and long digit runs in the reason are
 * masked (a parser's message may quote the offending value, e.g. an ID number).
 * <p>
 * Spring Kafka's {@code DefaultErrorHandler} calls the three-argument {@link #accept(ConsumerRecord, Consumer,
 * Exception)}; the two-argument one delegates to it, so both paths log.
 */
public class DeadLetterRecoverer extends DeadLetterPublishingRecoverer {

	public static final String METRIC = "platform.events.dead_lettered";

	private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

	private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");

	private static final Pattern DOUBLE_QUOTED = Pattern.compile("(?<!\\[)\"[^\"]*\"(?!\\])");

	private static final Pattern SINGLE_QUOTED_TOKEN = Pattern.compile("(token|character) (?:\\('[^)]*\\)|'[^']*')");

	private static final Pattern DIGITS = Pattern.compile("\\d{6,}");

	private static final int MAX_PARSED_VALUE = 1 << 20;

	private static final int MAX_REASON = 300;

	private final @Nullable MeterRegistry meters;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	public DeadLetterRecoverer(KafkaOperations<?, ?> template) {
		this(template, null);
	}

	public DeadLetterRecoverer(KafkaOperations<?, ?> template, @Nullable MeterRegistry meters) {
		super(template, (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		this.meters = meters;
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
		// publish first: if the dead-letter topic cannot be written the error handler tries again, and only a record
		// that really is on <topic>.dlt is reported as dead-lettered
		super.accept(record, consumer, exception);
		Throwable cause = cause(exception);
		String group = group(consumer);
		String reasonClass = cause.getClass().getSimpleName();
		String eventId = header(record, EventHeaders.EVENT_ID);
		String type = header(record, EventHeaders.EVENT_TYPE);
		if (eventId == null || type == null) {
			JsonNode envelope = envelope(record.value());
			eventId = eventId != null ? eventId : field(envelope, "eventId");
			type = type != null ? type : field(envelope, "type");
		}
		log.error("DEAD-LETTER topic={} partition={} offset={} group={} eventId={} type={} -> {}: {} ({})",
				record.topic(), record.partition(), record.offset(), group, safe(eventId, EVENT_ID),
				safe(type, EVENT_TYPE), Topics.deadLetter(record.topic()), reason(cause), reasonClass);
		if (meters != null) {
			counters.computeIfAbsent(record.topic() + '\n' + group + '\n' + reasonClass,
					k -> Counter.builder(METRIC)
						.description("records sent to <topic>.dlt because they could not be processed")
						.tag("topic", record.topic())
						.tag("group", group)
						.tag("reason", reasonClass)
						.register(meters))
				.increment();
		}
	}

	/** The exception the listener raised, without Spring Kafka's wrappers; an invalid event wins. */
	static Throwable cause(Throwable exception) {
		for (Throwable t = exception; t != null; t = t.getCause()) {
			if (t instanceof InvalidEventException) {
				return t;
			}
		}
		Throwable t = exception;
		while (t instanceof ListenerExecutionFailedException && t.getCause() != null) {
			t = t.getCause();
		}
		return t;
	}

	/** The message, with anything that may be a copied value masked, on one line and bounded. */
	static String reason(Throwable cause) {
		String message = cause.getMessage();
		if (message == null) {
			return cause.getClass().getSimpleName();
		}
		if (!(cause instanceof InvalidEventException invalid && invalid.field() != null)) {
			// field-level InvalidEventExceptions are built from a field name and a fixed rule; others may quote input
			message = SINGLE_QUOTED_TOKEN.matcher(message).replaceAll("$1 (…)");
			message = DOUBLE_QUOTED.matcher(message).replaceAll("\"…\"");
		}
		message = DIGITS.matcher(message).replaceAll("…").replaceAll("\\s+", " ");
		return message.length() > MAX_REASON ? message.substring(0, MAX_REASON) + "…" : message;
	}

	private static String group(@Nullable Consumer<?, ?> consumer) {
		String group = KafkaUtils.getConsumerGroupId();
		if (group == null && consumer != null) {
			try {
				group = consumer.groupMetadata().groupId();
			}
			catch (RuntimeException ex) {
				// no group (assigned partitions) or the consumer is closing
			}
		}
		return group == null || group.isBlank() ? "none" : group;
	}

	private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers() == null ? null : record.headers().lastHeader(name);
		return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static @Nullable String field(@Nullable JsonNode envelope, String name) {
		JsonNode node = envelope == null ? null : envelope.get(name);
		return node != null && node.isString() ? node.asString() : null;
	}

	/** An id or a type as it is when it has the shape of one, "?" otherwise: a forged field may hold anything. */
	private static String safe(@Nullable String value, Pattern shape) {
		return value != null && shape.matcher(value).matches() ? value : "?";
	}

	private static @Nullable JsonNode envelope(@Nullable Object value) {
		String json = value instanceof String s ? s
				: value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : null;
		if (json == null || json.length() > MAX_PARSED_VALUE) {
			return null;
		}
		try {
			JsonNode node = JSON.readTree(json);
			return node != null && node.isObject() ? node : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
