package org.yiwang.license;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yiwang.license.license.License;
import org.yiwang.shared.contracts.CaseApproved;
import org.yiwang.shared.contracts.LicenseIssued;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.identity.IdNumbers;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who holds a licence, from {@code application.CaseApproved} on the real broker: the applicant in person with the
 * ID number identity-service resolves (a local stub of its contract, called with the service token), or the
 * enterprise an agent applied for; the ID number in the signed credential only, masked in every view, encrypted
 * at rest, never logged; issuance deferred, not lost, while identity-service fails.
 */
@ExtendWith(OutputCaptureExtension.class)
class LicenseHolderTests extends LicenseTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	static final Map<String, String> DATA = Map.of("businessScope", "热食类食品制售（演示数据）", "premisesAddress",
			"深圳市南山区演示路8号", "seats", "48");

	static EventEnvelope approval(String caseId, String applicant, String uscc, String enterpriseName) {
		CaseApproved payload = new CaseApproved(caseId, "APP-" + caseId, "44030000SCJG-XK-0001", 1, "SCJG",
				applicant, "申请人" + applicant, "FOOD_BUSINESS", "食品经营许可证", 5, "officer-scjg", Instant.now(), uscc,
				enterpriseName, DATA);
		return new EventEnvelope(UUID.randomUUID().toString(), CaseApproved.TYPE, 1, Instant.now(), "APP-" + caseId,
				"corr-" + caseId, null, "application-service", EventCodec.toMap(payload));
	}

	/** Publishes the approval and waits for the licence it issues. */
	License approveAndAwait(EventEnvelope approval) {
		String caseId = (String) approval.payload().get("caseId");
		try (EventProbe probe = EventProbe.on(Topics.LICENSE)) {
			EventProbe.send(Topics.APPLICATION, approval);
			EventEnvelope issued = probe.await(LicenseIssued.TYPE,
					e -> EventCodec.payload(e, LicenseIssued.class).caseId().equals(caseId));
			return licenses.findById(EventCodec.payload(issued, LicenseIssued.class).licenseNumber()).orElseThrow();
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> credentialSubject(String jws) throws Exception {
		return (Map<String, Object>) JWSObject.parse(jws).getPayload().toJSONObject().get("credentialSubject");
	}

	@Test
	@SuppressWarnings("unchecked")
	void citizenHolderIsNamedByTheIdNumberIdentityServiceResolves(CapturedOutput output) throws Exception {
		String subject = "holder-person-" + UUID.randomUUID();
		String idNumber = IdentityStub.idNumber(subject);
		License license = approveAndAwait(approval("CASE-" + UUID.randomUUID(), subject, null, null));

		// asked identity-service as svc-license with the service token
		assertThat(IdentityStub.REQUESTS).anyMatch(r -> r.get("subject").equals(subject)
				&& r.get("authorization").equals("Bearer " + IdentityStub.TOKEN));

		// the signed credential names the holder in full, with the licence data of the decision
		Map<String, Object> credentialSubject = credentialSubject(license.getCredential());
		assertThat(credentialSubject).containsEntry("id", "urn:yiwang:subject:" + subject)
			.containsEntry("name", IdentityStub.nameOf(subject));
		assertThat((Map<String, Object>) credentialSubject.get("holder")).containsEntry("type", "PERSON")
			.containsEntry("identifierType", "ID_NUMBER")
			.containsEntry("identifier", idNumber)
			.containsEntry("identityBound", true);
		assertThat((Map<String, Object>) ((Map<String, Object>) credentialSubject.get("license")).get("fields"))
			.containsAllEntriesOf(DATA);

		// the holder's view and the public verification show it masked only
		String view = mvc.perform(get("/api/v1/licenses/" + license.getNumber()).with(TestJwts.citizen(subject)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.holderType").value("PERSON"))
			.andExpect(jsonPath("$.holderIdentifierType").value("ID_NUMBER"))
			.andExpect(jsonPath("$.holderIdentifier").value(IdNumbers.mask(idNumber)))
			.andExpect(jsonPath("$.holderName").value(IdentityStub.nameOf(subject)))
			.andExpect(jsonPath("$.fields.premisesAddress").value("深圳市南山区演示路8号"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(view).doesNotContain(idNumber);
		String verified = mvc.perform(post("/api/v1/licenses/verify").contentType(MediaType.APPLICATION_JSON)
			.content(verifyBody(license.getCredential())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.holder.type").value("PERSON"))
			.andExpect(jsonPath("$.holder.identifier").value(IdNumbers.mask(idNumber)))
			.andExpect(jsonPath("$.fields.seats").value("48"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(verified).doesNotContain(idNumber);
		String wallet = mvc.perform(get("/api/v1/licenses").with(TestJwts.citizen(subject)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].number").value(license.getNumber()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(wallet).doesNotContain(idNumber);

		// at rest: encrypted number and credential, keyed hash and masked form; never the number in clear
		Document stored = mongo.getCollection("licenses").find(new Document("_id", license.getNumber())).first();
		String raw = stored.toJson();
		assertThat(raw).doesNotContain(idNumber).doesNotContain(license.getCredential().split("\\.")[1]);
		assertThat(stored.getString("holderIdNumber")).startsWith("aesgcm1:");
		assertThat(stored.getString("credential")).startsWith("aesgcm1:");
		assertThat(stored.getString("holderIdHash")).hasSize(64);
		assertThat(stored.getString("holderIdMasked")).isEqualTo(IdNumbers.mask(idNumber));

		// never in the logs
		assertThat(output.getAll()).doesNotContain(idNumber);
	}

	@Test
	@SuppressWarnings("unchecked")
	void enterpriseHolderIsTheEnterpriseWithItsAgentRecorded() throws Exception {
		String agent = "agent-" + UUID.randomUUID();
		String uscc = IdentityStub.uscc("A5D1E2F3");
		License license = approveAndAwait(approval("CASE-" + UUID.randomUUID(), agent, uscc, "深圳市演示餐饮有限公司"));

		assertThat(IdentityStub.requestsFor(agent)).isZero();
		Map<String, Object> credentialSubject = credentialSubject(license.getCredential());
		assertThat(credentialSubject).containsEntry("id", "urn:yiwang:enterprise:" + uscc)
			.containsEntry("name", "深圳市演示餐饮有限公司");
		assertThat((Map<String, Object>) credentialSubject.get("holder")).containsEntry("type", "ENTERPRISE")
			.containsEntry("identifierType", "USCC")
			.containsEntry("identifier", uscc);
		assertThat((Map<String, Object>) credentialSubject.get("agent"))
			.containsEntry("id", "urn:yiwang:subject:" + agent);
		assertThat(license.getAgentSubject()).isEqualTo(agent);

		// the agent who applied does not hold it in person: not in their own wallet, not theirs to read
		mvc.perform(get("/api/v1/licenses").with(TestJwts.user(agent, null, "enterprise-agent")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(post("/api/v1/licenses/verify").contentType(MediaType.APPLICATION_JSON)
			.content(verifyBody(license.getCredential())))
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.holder.type").value("ENTERPRISE"))
			.andExpect(jsonPath("$.holder.identifier").value(uscc))
			.andExpect(jsonPath("$.holder.name").value("深圳市演示餐饮有限公司"));
	}

	@Test
	void enterpriseApprovalWithAnInvalidUsccIsDeadLettered() {
		String caseId = "CASE-" + UUID.randomUUID();
		EventEnvelope bad = approval(caseId, "agent-bad-" + UUID.randomUUID(), "91440300MA5D1E2F30", "无效代码公司");
		try (EventProbe dlt = EventProbe.on(Topics.deadLetter(Topics.APPLICATION))) {
			EventProbe.send(Topics.APPLICATION, bad);
			assertThat(dlt.awaitRecord(r -> r.value().contains(bad.eventId())).value()).contains(caseId);
		}
		assertThat(licenses.existsByCaseId(caseId)).isFalse();
	}

	@Test
	@SuppressWarnings("unchecked")
	void personWithoutBoundIdentityGetsAFlaggedLicenceNamedBySubjectAndName() throws Exception {
		String subject = "holder-unbound-" + UUID.randomUUID();
		IdentityStub.UNBOUND.put(subject, true);
		License license = approveAndAwait(approval("CASE-" + UUID.randomUUID(), subject, null, null));

		Map<String, Object> holder = (Map<String, Object>) credentialSubject(license.getCredential()).get("holder");
		assertThat(holder).containsEntry("identifierType", "PLATFORM_SUBJECT")
			.containsEntry("identifier", subject)
			.containsEntry("identityBound", false)
			.containsEntry("name", "申请人" + subject);
		mvc.perform(get("/api/v1/licenses/" + license.getNumber()).with(TestJwts.citizen(subject)))
			.andExpect(jsonPath("$.identityBound").value(false))
			.andExpect(jsonPath("$.holderIdentifierType").value("PLATFORM_SUBJECT"));
	}

	@Test
	void issuanceWaitsWhileIdentityServiceFailsAndIsIssuedOnceWhenItRecovers() throws Exception {
		String subject = "holder-deferred-" + UUID.randomUUID();
		String caseId = "CASE-" + UUID.randomUUID();
		IdentityStub.DOWN.put(subject, true);
		EventEnvelope approval = approval(caseId, subject, null, null);
		try (EventProbe probe = EventProbe.on(Topics.LICENSE)) {
			EventProbe.send(Topics.APPLICATION, approval);
			await().atMost(Duration.ofSeconds(20))
				.until(() -> mongo.getCollection("license_pending_issuances")
					.find(new Document("_id", caseId))
					.first() != null);
			// retried on schedule, still failing: nothing issued, nothing lost; a redelivery changes nothing
			EventProbe.send(Topics.APPLICATION, approval(caseId, subject, null, null));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> mongo.getCollection("license_pending_issuances")
					.find(new Document("_id", caseId))
					.first()
					.getInteger("attempts") >= 3);
			assertThat(IdentityStub.requestsFor(subject)).isGreaterThanOrEqualTo(2);
			assertThat(licenses.existsByCaseId(caseId)).isFalse();
			// the circuit breaker stops calling a failing identity-service: later attempts fail fast
			await().atMost(Duration.ofSeconds(20))
				.until(() -> "identity-service circuit open".equals(mongo.getCollection("license_pending_issuances")
					.find(new Document("_id", caseId))
					.first()
					.getString("lastProblem")));
			assertThat(meters.get("license.issuance.pending").gauge().value()).isGreaterThanOrEqualTo(1);
			assertThat(meters.get("resilience4j.circuitbreaker.state")
				.tags("name", "identity-service", "state", "open")
				.gauge()
				.value() + meters.get("resilience4j.circuitbreaker.state")
					.tags("name", "identity-service", "state", "half_open")
					.gauge()
					.value()).isEqualTo(1);

			IdentityStub.DOWN.remove(subject);
			EventEnvelope issued = probe.await(LicenseIssued.TYPE,
					e -> EventCodec.payload(e, LicenseIssued.class).caseId().equals(caseId));
			assertThat(issued.correlationId()).isEqualTo("corr-" + caseId);
			assertThat(probe.all(LicenseIssued.TYPE, Duration.ofSeconds(3))
				.stream()
				.filter(e -> EventCodec.payload(e, LicenseIssued.class).caseId().equals(caseId))).hasSize(1);
			assertThat(licenses.findAll().stream().filter(l -> l.getCaseId().equals(caseId))).hasSize(1);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> mongo.getCollection("license_pending_issuances")
					.find(new Document("_id", caseId))
					.first() == null);
			String number = EventCodec.payload(issued, LicenseIssued.class).licenseNumber();
			assertThat(licenses.findById(number).orElseThrow().getHolderIdentifierMasked())
				.isEqualTo(IdNumbers.mask(IdentityStub.idNumber(subject)));
		}
	}

	@Test
	void slowIdentityServiceHitsTheTimeLimitAndTheLicenceFollowsLater() {
		String subject = "holder-slow-" + UUID.randomUUID();
		String caseId = "CASE-" + UUID.randomUUID();
		IdentityStub.SLOW.put(subject, true);
		try {
			EventProbe.send(Topics.APPLICATION, approval(caseId, subject, null, null));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> mongo.getCollection("license_pending_issuances")
					.find(new Document("_id", caseId))
					.first() != null);
			assertThat(licenses.existsByCaseId(caseId)).isFalse();
		}
		finally {
			IdentityStub.SLOW.remove(subject);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> licenses.existsByCaseId(caseId));
		assertThat(licenses.findByCaseId(caseId).orElseThrow().getHolderName()).isEqualTo(IdentityStub.nameOf(subject));
	}

	@Test
	void paperFormShowsTheIdNumberMaskedOnly() throws Exception {
		String subject = "holder-paper-id-" + UUID.randomUUID();
		String idNumber = IdentityStub.idNumber(subject);
		License license = approveAndAwait(approval("CASE-" + UUID.randomUUID(), subject, null, null));
		byte[] pdf = mvc.perform(get("/api/v1/licenses/" + license.getNumber() + "/pdf").with(TestJwts.citizen(subject)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).doesNotContain(idNumber).contains(IdNumbers.mask(idNumber));
			if (Files.isReadable(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"))) {
				assertThat(text).contains("公民身份号码", IdentityStub.nameOf(subject), "深圳市南山区演示路8号");
			}
		}
		// the credential endpoint hands the holder the signed credential itself, the one place it is in full
		String credential = mvc
			.perform(get("/api/v1/licenses/" + license.getNumber() + "/credential").with(TestJwts.citizen(subject)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(credential, "$.credential")).isEqualTo(license.getCredential());
	}

}
