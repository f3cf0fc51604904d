package org.yiwang.license;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSObject;
import org.junit.jupiter.api.Test;
import org.yiwang.license.credential.BitstringStatusList;
import org.yiwang.license.credential.CompactPayload;
import org.yiwang.license.credential.OfflineVerifier;
import org.yiwang.license.credential.Reason;
import org.yiwang.license.license.License;
import org.yiwang.license.license.LicenseEvents;
import org.yiwang.license.license.LicenseLifecycleJob;
import org.yiwang.license.license.LicenseStatus;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Revocation, suspension and reinstatement by the issuing department (events, revision guard), the published
 * status lists as an offline verifier sees them, and expiry with renewal reminders on a fixed clock.
 */
class LicenseStatusTests extends LicenseTestSupport {

	ResultActions change(String number, String action, RequestPostProcessor who, long revision) throws Exception {
		return mvc.perform(post("/api/v1/licenses/" + number + "/" + action).with(who)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"抽检不合格（演示）\",\"legalBasis\":\"《中华人民共和国食品安全法》第一百三十五条\",\"revision\":"
					+ revision + "}"));
	}

	long revision(String number) throws Exception {
		String body = mvc.perform(get("/api/v1/licenses/" + number).with(TestJwts.officer("officer-scjg", "SCJG")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(body, "$.revision")).longValue();
	}

	String verifyReasons(String credential) throws Exception {
		return mvc.perform(post("/api/v1/licenses/verify").contentType(MediaType.APPLICATION_JSON)
			.content(verifyBody(credential))).andReturn().getResponse().getContentAsString();
	}

	@Test
	void issuingDepartmentSuspendsReinstatesAndRevokesWithEvents() throws Exception {
		License license = issue("holder-status");
		String number = license.getNumber();
		long revision = revision(number);
		try (EventProbe probe = EventProbe.on(Topics.LICENSE)) {
			change(number, "suspension", TestJwts.citizen("holder-status"), revision).andExpect(status().isForbidden());
			change(number, "suspension", TestJwts.officer("officer-wsjk", "WSJK"), revision)
				.andExpect(status().isNotFound());
			mvc.perform(post("/api/v1/licenses/" + number + "/suspension").contentType(MediaType.APPLICATION_JSON)
				.content("{}")).andExpect(status().isUnauthorized());
			mvc.perform(post("/api/v1/licenses/" + number + "/suspension")
				.with(TestJwts.officer("officer-scjg", "SCJG"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"\",\"revision\":" + revision + "}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("legalBasis")));

			change(number, "suspension", TestJwts.officer("officer-scjg", "SCJG"), revision)
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("SUSPENDED"))
				.andExpect(jsonPath("$.history[0].legalBasis").value("《中华人民共和国食品安全法》第一百三十五条"));
			assertThat(verifyReasons(license.getCredential())).contains("\"SUSPENDED\"").contains("\"valid\":false");
			// an officer acting on what they saw before the suspension: 409
			change(number, "revocation", TestJwts.officer("officer-scjg", "SCJG"), revision)
				.andExpect(status().isConflict());

			change(number, "reinstatement", TestJwts.officer("officer-scjg", "SCJG"), revision(number))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("VALID"));
			assertThat(verifyReasons(license.getCredential())).contains("\"valid\":true");

			change(number, "revocation", TestJwts.deptAdmin("admin-scjg", "SCJG"), revision(number))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("REVOKED"))
				.andExpect(jsonPath("$.history.length()").value(3));
			assertThat(verifyReasons(license.getCredential())).contains("\"REVOKED\"");
			// revocation is final
			change(number, "reinstatement", TestJwts.officer("officer-scjg", "SCJG"), revision(number))
				.andExpect(status().isConflict());

			for (String type : List.of(LicenseEvents.LicenseSuspended.TYPE, LicenseEvents.LicenseReinstated.TYPE,
					LicenseEvents.LicenseRevoked.TYPE)) {
				EventEnvelope event = probe.await(type, e -> e.aggregateId().equals(number));
				assertThat(event.payload()).containsEntry("legalBasis", "《中华人民共和国食品安全法》第一百三十五条");
			}
		}
	}

	@Test
	void offlineVerifierSeesRevocationAndSuspensionThroughPublishedStatusLists() throws Exception {
		License revoked = issue("holder-offline", "XFJY", 3);
		License suspended = issue("holder-offline", "XFJY", 3);
		String qr = CompactPayload.encode(revoked.getCredential());

		String jwks = mvc.perform(get("/api/v1/licenses/jwks")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		String revocationList = mvc.perform(get("/api/v1/licenses/status-lists/XFJY/revocation"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/vc+jwt")))
			.andExpect(header().string("Cache-Control", containsString("max-age=60")))
			.andExpect(header().string("Cache-Control", containsString("public")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String etag = mvc.perform(get("/api/v1/licenses/status-lists/XFJY/revocation")).andReturn().getResponse()
			.getHeader("ETag");
		mvc.perform(get("/api/v1/licenses/status-lists/XFJY/revocation").header("If-None-Match", etag))
			.andExpect(status().isNotModified());
		String suspensionList = mvc.perform(get("/api/v1/licenses/status-lists/XFJY/suspension")).andReturn()
			.getResponse()
			.getContentAsString();

		// offline, with nothing but the JWKS and the cached lists: valid
		Instant now = Instant.now();
		OfflineVerifier before = OfflineVerifier.of(jwks, List.of(revocationList, suspensionList), now);
		assertThat(before.verify(qr, now).valid()).isTrue();
		assertThat(before.verify(suspended.getCredential(), now).valid()).isTrue();
		// without the lists an offline verifier cannot vouch for the status
		assertThat(OfflineVerifier.of(jwks, List.of(), now).verify(qr, now).reasons())
			.containsExactly(Reason.STATUS_UNKNOWN);

		change(revoked.getNumber(), "revocation", TestJwts.officer("officer-xfjy", "XFJY"), revision(revoked, "XFJY"))
			.andExpect(status().isOk());
		change(suspended.getNumber(), "suspension", TestJwts.officer("officer-xfjy", "XFJY"),
				revision(suspended, "XFJY")).andExpect(status().isOk());

		String revocationAfter = mvc.perform(get("/api/v1/licenses/status-lists/XFJY/revocation")
			.header("If-None-Match", etag)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String suspensionAfter = mvc.perform(get("/api/v1/licenses/status-lists/XFJY/suspension")).andReturn()
			.getResponse()
			.getContentAsString();
		Map<String, Object> subject = (Map<String, Object>) JWSObject.parse(revocationAfter)
			.getPayload()
			.toJSONObject()
			.get("credentialSubject");
		assertThat(subject).containsEntry("type", "BitstringStatusList").containsEntry("statusPurpose", "revocation");
		BitstringStatusList bits = BitstringStatusList.decode((String) subject.get("encodedList"));
		assertThat(bits.get(revoked.getStatusIndex())).isTrue();
		assertThat(bits.get(suspended.getStatusIndex())).isFalse();

		OfflineVerifier after = OfflineVerifier.of(jwks, List.of(revocationAfter, suspensionAfter), now);
		assertThat(after.verify(qr, now).reasons()).containsExactly(Reason.REVOKED);
		assertThat(after.verify(suspended.getCredential(), now).reasons()).containsExactly(Reason.SUSPENDED);
		// a verifier still holding the old lists does not know yet: that is what the cache TTL bounds
		assertThat(before.verify(qr, now).valid()).isTrue();

		// a list signed by one department cannot pass for another's
		mvc.perform(get("/api/v1/licenses/status-lists/NOPE/revocation")).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/licenses/status-lists/XFJY/other")).andExpect(status().isBadRequest());
	}

	long revision(License license, String department) throws Exception {
		String body = mvc.perform(get("/api/v1/licenses/" + license.getNumber())
			.with(TestJwts.officer("officer-" + department.toLowerCase(), department))).andReturn().getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(body, "$.revision")).longValue();
	}

	@Test
	void remindsThirtyAndSevenDaysBeforeExpiryThenExpiresOnAFixedClock() throws Exception {
		License license = issue("holder-expiry", "SCJG", 1);
		LocalDate lastDay = license.getValidUntil();
		String number = license.getNumber();
		try (EventProbe probe = EventProbe.on(Topics.LICENSE)) {
			job(lastDay.minusDays(31)).run();
			job(lastDay.minusDays(30)).run();
			EventEnvelope thirty = probe.await(LicenseEvents.LicenseRenewalDue.TYPE,
					e -> e.aggregateId().equals(number));
			assertThat(thirty.payload()).containsEntry("reminderDays", 30)
				.containsEntry("daysLeft", 30)
				.containsEntry("renewalItemCode", "44030000SCJG-XK-0001");
			job(lastDay.minusDays(29)).run();
			job(lastDay.minusDays(7)).run();
			job(lastDay.minusDays(6)).run();
			job(lastDay).run();
			assertThat(licenses.findById(number).orElseThrow().getStatus()).isEqualTo(LicenseStatus.VALID);
			job(lastDay.plusDays(1)).run();
			job(lastDay.plusDays(2)).run();
			assertThat(licenses.findById(number).orElseThrow().getStatus()).isEqualTo(LicenseStatus.EXPIRED);
			probe.await(LicenseEvents.LicenseExpired.TYPE, e -> e.aggregateId().equals(number));

			// delivery is at-least-once (a save of a document loaded before the relay removed a published event
			// re-publishes it with the same event id); consumers de-duplicate on the id, and so does this test
			List<EventEnvelope> reminders = probe.all(LicenseEvents.LicenseRenewalDue.TYPE, Duration.ofSeconds(2))
				.stream()
				.filter(e -> e.aggregateId().equals(number))
				.filter(distinctIds())
				.toList();
			assertThat(reminders).extracting(e -> e.payload().get("reminderDays")).containsExactly(30, 7);
			assertThat(probe.all(LicenseEvents.LicenseExpired.TYPE, Duration.ofMillis(500))
				.stream()
				.filter(e -> e.aggregateId().equals(number))
				.filter(distinctIds())).hasSize(1);
		}
		mvc.perform(get("/api/v1/licenses").with(TestJwts.citizen("holder-expiry")))
			.andExpect(jsonPath("$.items[?(@.number == '" + number + "')].status", contains("EXPIRED")));
	}

	static java.util.function.Predicate<EventEnvelope> distinctIds() {
		java.util.Set<String> seen = new java.util.HashSet<>();
		return e -> seen.add(e.eventId());
	}

	LicenseLifecycleJob job(LocalDate day) {
		return new LicenseLifecycleJob(licenses, mongo,
				Clock.fixed(day.atTime(2, 15).atZone(SHANGHAI).toInstant(), ZoneOffset.UTC));
	}

}
