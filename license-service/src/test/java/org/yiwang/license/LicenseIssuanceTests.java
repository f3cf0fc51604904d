package org.yiwang.license;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yiwang.license.license.Licenses;
import org.yiwang.shared.contracts.CaseApproved;
import org.yiwang.shared.contracts.LicenseIssued;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Consumes {@code application.CaseApproved} from the real broker and publishes {@code license.LicenseIssued}:
 * exactly one licence per case, whether the event arrives twice with the same id or re-sent with a new one.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LicenseIssuanceTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "license-issuance-test");
		registry.add("platform.license.keys-dir", () -> "target/test-license-keys/issuance");
		IdentityStub.register(registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Licenses licenses;

	static EventEnvelope approved(String caseId, String holder) {
		CaseApproved payload = new CaseApproved(caseId, "APP-" + caseId, "44030000SCJG-XK-0001", 1, "SCJG", holder,
				"张三", "FOOD_BUSINESS", "食品经营许可证", 5, "officer-scjg", Instant.now());
		return new EventEnvelope(UUID.randomUUID().toString(), CaseApproved.TYPE, 1, Instant.now(), "APP-" + caseId,
				"corr-" + caseId, null, "application-service", EventCodec.toMap(payload));
	}

	@Test
	void duplicatedApprovalIssuesExactlyOneLicence() throws Exception {
		String caseId = "CASE-" + UUID.randomUUID();
		EventEnvelope event = approved(caseId, "zhangsan");
		try (EventProbe probe = EventProbe.on(Topics.LICENSE)) {
			EventProbe.send(Topics.APPLICATION, event);
			EventProbe.send(Topics.APPLICATION, event);
			// the same approval re-sent as a new event (e.g. a producer retry after a crash)
			EventProbe.send(Topics.APPLICATION, approved(caseId, "zhangsan"));

			EventEnvelope issued = probe.await(LicenseIssued.TYPE,
					e -> EventCodec.payload(e, LicenseIssued.class).caseId().equals(caseId));
			assertThat(issued.correlationId()).isEqualTo("corr-" + caseId);
			assertThat(issued.causationId()).isEqualTo(event.eventId());
			String number = EventCodec.payload(issued, LicenseIssued.class).licenseNumber();

			assertThat(probe.all(LicenseIssued.TYPE, Duration.ofSeconds(3))
				.stream()
				.filter(e -> EventCodec.payload(e, LicenseIssued.class).caseId().equals(caseId))).hasSize(1);
			assertThat(licenses.findAll().stream().filter(l -> l.getCaseId().equals(caseId))).hasSize(1);

			mvc.perform(get("/api/v1/licenses").with(TestJwts.citizen("zhangsan")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[?(@.number == '" + number + "')].typeName").value("食品经营许可证"));
			mvc.perform(get("/api/v1/licenses/" + number).with(TestJwts.citizen("lisi")))
				.andExpect(status().isNotFound());
			mvc.perform(get("/api/v1/licenses/" + number).with(TestJwts.officer("officer-scjg", "SCJG")))
				.andExpect(status().isOk());
			mvc.perform(get("/api/v1/licenses/" + number).with(TestJwts.officer("officer-wsjk", "WSJK")))
				.andExpect(status().isNotFound());
			mvc.perform(get("/api/v1/licenses")).andExpect(status().isUnauthorized());
		}
	}

	@Test
	void approvalWithoutLicenceTypeIssuesNothing() {
		String caseId = "CASE-" + UUID.randomUUID();
		CaseApproved payload = new CaseApproved(caseId, "APP-x", "44030000SCJG-QR-0009", 1, "SCJG", "zhangsan", "张三",
				null, null, 0, "officer-scjg", Instant.now());
		EventProbe.send(Topics.APPLICATION, new EventEnvelope(UUID.randomUUID().toString(), CaseApproved.TYPE, 1,
				Instant.now(), "APP-x", null, null, "application-service", EventCodec.toMap(payload)));
		// a later event on the same partition proves the first one was processed
		String marker = "CASE-" + UUID.randomUUID();
		EventProbe.send(Topics.APPLICATION, approved(marker, "zhangsan"));
		await().atMost(Duration.ofSeconds(20)).until(() -> licenses.existsByCaseId(marker));
		assertThat(licenses.existsByCaseId(caseId)).isFalse();
	}

}
