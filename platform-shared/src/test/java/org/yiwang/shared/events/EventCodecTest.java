package org.yiwang.shared.events;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yiwang.shared.contracts.CaseApproved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

	@Test
	void roundTripsAnEnvelope() {
		EventEnvelope envelope = new EventEnvelope("e-1", "test.Happened", 1, Instant.parse("2026-11-25T08:00:00Z"),
				"agg-1", "corr-1", null, "test", Map.of("a", 1));
		EventEnvelope read = EventCodec.read(EventCodec.write(envelope));
		assertThat(read).isEqualTo(envelope);
	}

	@Test
	void rejectsMalformedJson() {
		assertThatThrownBy(() -> EventCodec.read("{not json")).isInstanceOf(InvalidEventException.class);
		assertThatThrownBy(() -> EventCodec.read("")).isInstanceOf(InvalidEventException.class);
	}

	@Test
	void rejectsEnvelopeWithoutEventIdNamingTheField() {
		String json = "{\"type\":\"t\",\"version\":1,\"occurredAt\":\"2026-11-25T08:00:00Z\",\"aggregateId\":\"a\",\"producer\":\"p\"}";
		assertThatThrownBy(() -> EventCodec.read(json)).isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("eventId");
	}

	@Test
	void rejectsPayloadMissingARequiredContractField() {
		EventEnvelope envelope = new EventEnvelope("e-2", CaseApproved.TYPE, 1, Instant.now(), "case-1", null, null,
				"test", Map.of("caseId", "case-1"));
		assertThatThrownBy(() -> EventCodec.payload(envelope, CaseApproved.class))
			.isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("payload.applicationId");
	}

}
