package org.yiwang.shared.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.EventHeaders;
import org.yiwang.shared.events.InvalidEventException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which records a listener reads: by the {@code eventType} header before parsing, by the envelope without one. */
class EventRecordsTest {

	static final Set<String> HANDLED = Set.of("application.CaseApproved", "application.ApprovalOverturned");

	@Test
	void aRecordWhoseHeaderNamesAnotherTypeIsSkippedUnparsed() {
		assertThat(EventRecords.read(typed(record("not json {"), "application.CaseSubmitted"), HANDLED)).isNull();
		assertThat(EventRecords.read(typed(record(null), "application.CaseSubmitted"), HANDLED)).isNull();
	}

	@Test
	void aRecordWhoseHeaderNamesAHandledTypeIsRead() {
		String approved = event("application.CaseApproved");

		EventEnvelope envelope = EventRecords.read(typed(record(approved), "application.CaseApproved"), HANDLED);

		assertThat(envelope).isEqualTo(EventCodec.read(approved));
	}

	@Test
	void aRecordWithoutTheHeaderIsJudgedByItsEnvelope() {
		String approved = event("application.CaseApproved");

		assertThat(EventRecords.read(record(approved), HANDLED)).isEqualTo(EventCodec.read(approved));
		assertThat(EventRecords.read(record(event("application.CaseSubmitted")), HANDLED)).isNull();
		assertThatThrownBy(() -> EventRecords.read(record("not json {"), HANDLED))
			.isInstanceOf(InvalidEventException.class);
	}

	@Test
	void aMalformedRecordOfAHandledTypeIsRefused() {
		assertThatThrownBy(() -> EventRecords.read(typed(record("not json {"), "application.CaseApproved"), HANDLED))
			.isInstanceOf(InvalidEventException.class);
		assertThatThrownBy(() -> EventRecords.read(typed(record(""), "application.CaseApproved"), HANDLED))
			.isInstanceOf(InvalidEventException.class);
	}

	@Test
	void anEnvelopeThatContradictsItsHeaderIsRefused() {
		// labelled as handled, but another type inside: the header is what lets other records pass unread
		ConsumerRecord<String, String> mislabelled = typed(record(event("application.CaseSubmitted")),
				"application.CaseApproved");

		assertThatThrownBy(() -> EventRecords.read(mislabelled, HANDLED)).isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("eventType");
	}

	@Test
	void theHeaderTypeIsTheLastOneOrNone() {
		assertThat(EventRecords.headerType(record("{}"))).isNull();
		ConsumerRecord<String, String> twice = typed(typed(record("{}"), "a.First"), "a.Second");
		assertThat(EventRecords.headerType(twice)).isEqualTo("a.Second");
		ConsumerRecord<String, String> empty = record("{}");
		empty.headers().add(EventHeaders.EVENT_TYPE, null);
		assertThat(EventRecords.headerType(empty)).isNull();
	}

	static ConsumerRecord<String, String> record(String value) {
		return new ConsumerRecord<>("application.events", 0, 0L, "APP-1", value);
	}

	static ConsumerRecord<String, String> typed(ConsumerRecord<String, String> record, String type) {
		record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
		return record;
	}

	static String event(String type) {
		return EventCodec.write(new EventEnvelope(UUID.randomUUID().toString(), type, 1, Instant.now(), "APP-1",
				"corr-1", null, "test", Map.of("caseId", "CASE-1")));
	}

}
