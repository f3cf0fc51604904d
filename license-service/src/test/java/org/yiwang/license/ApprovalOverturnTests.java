package org.yiwang.license;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.yiwang.license.credential.BitstringStatusList;
import org.yiwang.license.license.License;
import org.yiwang.license.license.LicenseEvents;
import org.yiwang.license.license.LicenseStatus;
import org.yiwang.shared.contracts.ApprovalOverturned;
import org.yiwang.shared.contracts.CaseApproved;
import org.yiwang.shared.contracts.LicenseIssued;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/**
 * Revocation driven by the workflow: {@code application.ApprovalOverturned} on the real broker revokes the case's
 * licence once (duplicates and replays are no-ops), publishes {@code license.LicenseRevoked} and flips the status
 * list bit; an overturn arriving before the licence means none valid is ever issued; a broken one is dead-lettered.
 */
class ApprovalOverturnTests extends LicenseTestSupport {

	static final String REASON = "申请人以欺骗手段取得行政许可（演示）";

	static final String BASIS = "《中华人民共和国行政许可法》第六十九条第二款";

	static EventEnvelope approval(String caseId, String applicant) {
		CaseApproved payload = new CaseApproved(caseId, "APP-" + caseId, "44030000SCJG-XK-0001", 1, "SCJG",
				applicant, "申请人", "FOOD_BUSINESS", "食品经营许可证", 5, "officer-scjg", Instant.now(), null, null,
				Map.of("seats", "20"));
		return new EventEnvelope(UUID.randomUUID().toString(), CaseApproved.TYPE, 1, Instant.now(), "APP-" + caseId,
				"corr-" + caseId, null, "application-service", EventCodec.toMap(payload));
	}

	static EventEnvelope overturned(String caseId, String number) {
		ApprovalOverturned payload = new ApprovalOverturned(caseId, "APP-" + caseId, "44030000SCJG-XK-0001", "SCJG",
				number, REASON, BASIS, "officer-scjg", Instant.now());
		return new EventEnvelope(UUID.randomUUID().toString(), ApprovalOverturned.TYPE, 1, Instant.now(),
				"APP-" + caseId, "corr-overturn-" + caseId, null, "application-service", EventCodec.toMap(payload));
	}

	@Test
	void overturnedApprovalRevokesTheCaseLicenceExactlyOnce() throws Exception {
		String caseId = "CASE-" + UUID.randomUUID();
		try (EventProbe probe = EventProbe.on(Topics.LICENSE)) {
			EventProbe.send(Topics.APPLICATION, approval(caseId, "holder-overturn-" + UUID.randomUUID()));
			String number = EventCodec
				.payload(probe.await(LicenseIssued.TYPE,
						e -> EventCodec.payload(e, LicenseIssued.class).caseId().equals(caseId)), LicenseIssued.class)
				.licenseNumber();
			License issued = licenses.findById(number).orElseThrow();

			EventEnvelope overturn = overturned(caseId, number);
			EventProbe.send(Topics.APPLICATION, overturn);
			EventProbe.send(Topics.APPLICATION, overturn);
			// replayed as a new event, and once without the licence number (found by case either way)
			EventProbe.send(Topics.APPLICATION, overturned(caseId, null));

			EventEnvelope revoked = probe.await(LicenseEvents.LicenseRevoked.TYPE,
					e -> number.equals(e.payload().get("licenseNumber")));
			assertThat(revoked.payload()).containsEntry("reason", REASON)
				.containsEntry("legalBasis", BASIS)
				.containsEntry("revokedBy", "officer-scjg")
				.containsEntry("issuingDepartment", "SCJG");
			assertThat(revoked.causationId()).isEqualTo(overturn.eventId());
			assertThat(probe.all(LicenseEvents.LicenseRevoked.TYPE, Duration.ofSeconds(3))
				.stream()
				.filter(e -> number.equals(e.payload().get("licenseNumber")))).hasSize(1);

			License license = licenses.findById(number).orElseThrow();
			assertThat(license.getStatus()).isEqualTo(LicenseStatus.REVOKED);
			assertThat(license.getHistory()).singleElement()
				.satisfies(change -> assertThat(change.legalBasis()).isEqualTo(BASIS));

			// the issuer's published revocation list carries it
			String list = mvc.perform(get("/api/v1/licenses/status-lists/SCJG/revocation")).andReturn()
				.getResponse()
				.getContentAsString();
			@SuppressWarnings("unchecked")
			Map<String, Object> subject = (Map<String, Object>) com.nimbusds.jose.JWSObject.parse(list)
				.getPayload()
				.toJSONObject()
				.get("credentialSubject");
			assertThat(BitstringStatusList.decode((String) subject.get("encodedList")).get(issued.getStatusIndex()))
				.isTrue();
			mvc.perform(post("/api/v1/licenses/verify").contentType(MediaType.APPLICATION_JSON)
				.content(verifyBody(issued.getCredential())))
				.andExpect(jsonPath("$.valid").value(false))
				.andExpect(jsonPath("$.reasons[0]").value("REVOKED"));
		}
	}

	@Test
	void overturnArrivingBeforeTheApprovalLeavesNoValidLicence() {
		String caseId = "CASE-" + UUID.randomUUID();
		EventProbe.send(Topics.APPLICATION, overturned(caseId, null));
		EventProbe.send(Topics.APPLICATION, approval(caseId, "holder-early-" + UUID.randomUUID()));
		String marker = "CASE-" + UUID.randomUUID();
		EventProbe.send(Topics.APPLICATION, approval(marker, "holder-marker-" + UUID.randomUUID()));
		await().atMost(Duration.ofSeconds(20)).until(() -> licenses.existsByCaseId(marker));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> mongo.getCollection("license_overturns").find(new Document("_id", caseId)).first() != null);
		assertThat(licenses.findByCaseId(caseId)).isEmpty();
	}

	@Test
	void overturnWhileIssuanceIsDeferredLeavesNoValidLicence() {
		String subject = "holder-deferred-overturn-" + UUID.randomUUID();
		String caseId = "CASE-" + UUID.randomUUID();
		IdentityStub.DOWN.put(subject, true);
		try {
			EventProbe.send(Topics.APPLICATION, approval(caseId, subject));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> mongo.getCollection("license_pending_issuances")
					.find(new Document("_id", caseId))
					.first() != null);
			EventProbe.send(Topics.APPLICATION, overturned(caseId, null));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> mongo.getCollection("license_overturns").find(new Document("_id", caseId)).first() != null);
		}
		finally {
			IdentityStub.DOWN.remove(subject);
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> mongo.getCollection("license_pending_issuances")
				.find(new Document("_id", caseId))
				.first() == null);
		assertThat(licenses.findByCaseId(caseId)).isEmpty();
	}

	@Test
	void overturnWithoutLegalBasisIsDeadLettered() {
		String caseId = "CASE-" + UUID.randomUUID();
		Map<String, Object> payload = new java.util.LinkedHashMap<>(
				EventCodec.toMap(new ApprovalOverturned(caseId, "APP-" + caseId, "44030000SCJG-XK-0001", "SCJG", null,
						REASON, BASIS, "officer-scjg", Instant.now())));
		payload.remove("legalBasis");
		EventEnvelope bad = new EventEnvelope(UUID.randomUUID().toString(), ApprovalOverturned.TYPE, 1, Instant.now(),
				"APP-" + caseId, null, null, "application-service", payload);
		try (EventProbe dlt = EventProbe.on(Topics.deadLetter(Topics.APPLICATION))) {
			EventProbe.send(Topics.APPLICATION, bad);
			assertThat(dlt.awaitRecord(r -> r.value().contains(bad.eventId())).value()).contains(caseId);
		}
		assertThat(mongo.getCollection("license_overturns").find(new Document("_id", caseId)).first()).isNull();
	}

}
