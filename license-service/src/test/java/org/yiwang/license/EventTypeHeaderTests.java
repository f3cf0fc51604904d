package org.yiwang.license;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.contracts.CaseApproved;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.EventHeaders;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;

import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * license-service's {@code application.events} listener on the real broker: a record whose {@code eventType} header
 * names a type it does not act on is skipped before its value is parsed — not dead-lettered even when the value is
 * not JSON, and its offset committed — while records of the types it acts on, and records without the header
 * (older producers), are parsed and take effect as before.
 */
class EventTypeHeaderTests extends LicenseTestSupport {

	@Value("${platform.license.application-consumer-group}")
	String group;

	static EventEnvelope approval(String caseId) {
		CaseApproved payload = new CaseApproved(caseId, "APP-" + caseId, "44030000SCJG-XK-0001", 1, "SCJG",
				"holder-" + caseId, "申请人", "FOOD_BUSINESS", "食品经营许可证", 5, "officer-scjg", Instant.now(), null,
				null, Map.of("seats", "20"));
		return new EventEnvelope(UUID.randomUUID().toString(), CaseApproved.TYPE, 1, Instant.now(), "APP-" + caseId,
				"corr-" + caseId, null, "application-service", EventCodec.toMap(payload));
	}

	@Test
	void aRecordOfATypeNotActedOnIsSkippedUnparsedNotDeadLetteredAndItsOffsetCommitted() {
		String caseId = "CASE-" + UUID.randomUUID();
		String body = "not json { " + UUID.randomUUID();
		RecordMetadata skipped = EventProbe.send(Topics.APPLICATION, "APP-" + caseId, body,
				Map.of(EventHeaders.EVENT_TYPE, "application.CaseSubmitted", EventHeaders.EVENT_ID,
						UUID.randomUUID().toString()));
		// an approval behind it on the same partition (same key): once its licence exists, the record was passed
		RecordMetadata behind = EventProbe.sendWithHeaders(Topics.APPLICATION, approval(caseId));
		assertThat(behind.partition()).isEqualTo(skipped.partition());

		await().atMost(Duration.ofSeconds(20)).until(() -> licenses.existsByCaseId(caseId));
		TopicPartition partition = new TopicPartition(Topics.APPLICATION, skipped.partition());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> EventProbe.committedOffset(group, partition) > skipped.offset());
		try (EventProbe dlt = EventProbe.on(Topics.deadLetter(Topics.APPLICATION))) {
			assertThat(dlt.records(Duration.ofSeconds(3))).noneMatch(r -> body.equals(r.value()));
		}
	}

	@Test
	void aMalformedRecordOfATypeActedOnIsStillDeadLettered() {
		String body = "not json { " + UUID.randomUUID();
		try (EventProbe dlt = EventProbe.on(Topics.deadLetter(Topics.APPLICATION))) {
			EventProbe.send(Topics.APPLICATION, "APP-x", body,
					Map.of(EventHeaders.EVENT_TYPE, CaseApproved.TYPE, EventHeaders.EVENT_ID, UUID.randomUUID().toString()));
			assertThat(dlt.awaitRecord(r -> body.equals(r.value())).value()).isEqualTo(body);
		}
	}

	@Test
	void aRecordOfATypeActedOnTakesEffect() {
		String caseId = "CASE-" + UUID.randomUUID();
		EventProbe.sendWithHeaders(Topics.APPLICATION, approval(caseId));
		await().atMost(Duration.ofSeconds(20)).until(() -> licenses.existsByCaseId(caseId));
	}

	@Test
	void aRecordWithoutTheHeaderIsStillProcessed() {
		String caseId = "CASE-" + UUID.randomUUID();
		EventProbe.send(Topics.APPLICATION, approval(caseId));
		await().atMost(Duration.ofSeconds(20)).until(() -> licenses.existsByCaseId(caseId));
	}

}
