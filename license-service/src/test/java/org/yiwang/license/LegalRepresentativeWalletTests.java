package org.yiwang.license;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.yiwang.license.license.Holder;
import org.yiwang.license.license.License;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The enterprise wallet for the 法定代表人: a plain citizen account whom identity-service's authorisation check
 * (asked with the citizen's own token, played by {@link IdentityStub}) allows lists, reads and shares the
 * enterprise's licences; an unrelated citizen gets 403; identity-service down is a 503, never a 403; an agent with a
 * current local authorisation is let in without asking identity-service at all.
 */
class LegalRepresentativeWalletTests extends LicenseTestSupport {

	/** A person's token whose value the stub recognises as theirs (token relay). */
	static RequestPostProcessor person(String subject, String... roles) {
		return SecurityMockMvcRequestPostProcessors.jwt()
			.jwt(jwt -> jwt.tokenValue(IdentityStub.userToken(subject))
				.subject(subject)
				.claim("preferred_username", subject)
				.claim("name", subject)
				.claim("azp", "yiwang-portal")
				.claim("realm_access", Map.of("roles", List.of(roles))))
			.authorities(Arrays.stream(roles)
				.map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
				.toList());
	}

	static RequestPostProcessor citizen(String subject) {
		return person(subject, "citizen");
	}

	License enterpriseLicence(String uscc) {
		String caseId = "CASE-" + UUID.randomUUID();
		return issuer
			.issue(new License.Issuance("FOOD_BUSINESS", "食品经营许可证",
					Holder.enterprise(uscc, "深圳市演示餐饮有限公司", "agent-who-applied", "王经办"), "SCJG", caseId,
					"APP-" + caseId, "44030000SCJG-XK-0001", 5, Map.of("seats", "80")))
			.orElseThrow();
	}

	static String grantBody() {
		return "{\"granteeType\":\"DEPARTMENT\",\"grantee\":\"WSJK\",\"purpose\":\"卫生许可核验（演示）\",\"expiresAt\":\""
				+ Instant.now().plus(Duration.ofDays(7)) + "\"}";
	}

	@Test
	void legalRepresentativeCitizenListsReadsAndSharesTheEnterprisesLicences() throws Exception {
		String uscc = EnterpriseWalletTests.uscc();
		String representative = "legal-rep-" + UUID.randomUUID();
		License license = enterpriseLicence(uscc);
		License othersLicence = enterpriseLicence(EnterpriseWalletTests.uscc());
		IdentityStub.AUTHORITIES.put(uscc + "|" + representative, "LEGAL_REPRESENTATIVE");

		mvc.perform(get("/api/v1/licenses?enterprise=" + uscc).with(citizen(representative)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].number").value(license.getNumber()))
			.andExpect(jsonPath("$.items[0].holderIdentifier").value(uscc));
		// identity-service was asked about the citizen, with the citizen's own token
		assertThat(IdentityStub.CHECKS).anySatisfy(check -> assertThat(check)
			.containsEntry("enterprise", uscc)
			.containsEntry("agent", representative)
			.containsEntry("authorization", "Bearer " + IdentityStub.userToken(representative)));
		long checks = IdentityStub.checksFor(uscc);

		String number = license.getNumber();
		mvc.perform(get("/api/v1/licenses/" + number).with(citizen(representative)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fields.seats").value("80"));
		mvc.perform(get("/api/v1/licenses/" + number + "/credential").with(citizen(representative)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.format").value("vc+jwt"));
		mvc.perform(get("/api/v1/licenses/" + number + "/pdf").with(citizen(representative)))
			.andExpect(status().isOk());
		String grant = mvc
			.perform(post("/api/v1/licenses/" + number + "/grants").with(citizen(representative))
				.contentType(MediaType.APPLICATION_JSON)
				.content(grantBody()))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String grantId = JsonPath.read(grant, "$.id");
		mvc.perform(get("/api/v1/licenses/" + number + "?grant=" + grantId)
			.with(TestJwts.officer("officer-wsjk", "WSJK"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/licenses/" + number + "/grants").with(citizen(representative)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(grantId));
		mvc.perform(get("/api/v1/licenses/" + number + "/uses").with(citizen(representative)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].department").value("WSJK"))
			.andExpect(jsonPath("$.items[0].basis").value("GRANT"));

		// only that enterprise; the personal wallet stays personal
		mvc.perform(get("/api/v1/licenses?enterprise=" + othersLicence.getHolderUscc()).with(citizen(representative)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/licenses/" + othersLicence.getNumber()).with(citizen(representative)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/licenses").with(citizen(representative))).andExpect(jsonPath("$.total").value(0));
		// the "yes" was reused for the following requests (allowed-cache-ttl)
		assertThat(IdentityStub.checksFor(uscc)).isEqualTo(checks);
	}

	@Test
	void unrelatedCitizenIsForbiddenAndARefusalIsNotRemembered() throws Exception {
		String uscc = EnterpriseWalletTests.uscc();
		String stranger = "stranger-" + UUID.randomUUID();
		License license = enterpriseLicence(uscc);
		String number = license.getNumber();

		mvc.perform(get("/api/v1/licenses?enterprise=" + uscc).with(citizen(stranger)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/licenses/" + number).with(citizen(stranger))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/licenses/" + number + "/credential").with(citizen(stranger)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/licenses/" + number + "/pdf").with(citizen(stranger)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/licenses/" + number + "/uses").with(citizen(stranger)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/licenses/" + number + "/grants").with(citizen(stranger))
			.contentType(MediaType.APPLICATION_JSON)
			.content(grantBody())).andExpect(status().isForbidden());
		assertThat(mongo.getCollection("license_grants").countDocuments(new org.bson.Document("licenseNumber", number)))
			.isZero();
		// asking about someone else with one's own token is refused by identity-service: still a plain 403
		mvc.perform(get("/api/v1/licenses?enterprise=" + uscc).with(TestJwts.citizen(stranger)))
			.andExpect(status().isForbidden());

		// a "no" is never reused: registered as legal representative now, the citizen is let in at once
		IdentityStub.AUTHORITIES.put(uscc + "|" + stranger, "LEGAL_REPRESENTATIVE");
		mvc.perform(get("/api/v1/licenses?enterprise=" + uscc).with(citizen(stranger)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1));
		// staff outside the issuing department are neither holders nor asked about
		long checks = IdentityStub.checksFor(uscc);
		mvc.perform(get("/api/v1/licenses/" + number).with(TestJwts.officer("officer-gz", "GA")))
			.andExpect(status().isNotFound());
		assertThat(IdentityStub.checksFor(uscc)).isEqualTo(checks);
	}

	@Test
	void identityServiceDownIsA503NamingItNeverA403() throws Exception {
		String uscc = EnterpriseWalletTests.uscc();
		String representative = "legal-rep-down-" + UUID.randomUUID();
		License license = enterpriseLicence(uscc);
		IdentityStub.AUTHORITIES.put(uscc + "|" + representative, "LEGAL_REPRESENTATIVE");
		IdentityStub.CHECK_DOWN.put(uscc, true);
		try {
			mvc.perform(get("/api/v1/licenses?enterprise=" + uscc).with(citizen(representative)))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("identity-service")));
			mvc.perform(get("/api/v1/licenses/" + license.getNumber()).with(citizen(representative)))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("identity-service")));
		}
		finally {
			IdentityStub.CHECK_DOWN.remove(uscc);
		}
		// back up (and the circuit closed again, should it have opened): the representative is let in
		await().atMost(Duration.ofSeconds(20))
			.until(() -> mvc.perform(get("/api/v1/licenses?enterprise=" + uscc).with(citizen(representative)))
				.andReturn()
				.getResponse()
				.getStatus() == 200);
	}

	@Test
	void currentAgentIsLetInWithoutAskingIdentityService() throws Exception {
		String uscc = EnterpriseWalletTests.uscc();
		String agent = "agent-local-" + UUID.randomUUID();
		License license = enterpriseLicence(uscc);
		EnterpriseWalletTests.authorise("AUTH-" + UUID.randomUUID(), uscc, agent,
				Instant.now().plus(Duration.ofDays(30)));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> mongo.getCollection("agent_authorisations")
				.find(new org.bson.Document("agentSubject", agent))
				.first() != null);
		// were identity-service asked, it would answer 503
		IdentityStub.CHECK_DOWN.put(uscc, true);
		try {
			long before = IdentityStub.checksFor(uscc);
			RequestPostProcessor token = person(agent, "enterprise-agent");
			mvc.perform(get("/api/v1/licenses?enterprise=" + uscc).with(token))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.total").value(1));
			mvc.perform(get("/api/v1/licenses/" + license.getNumber()).with(token)).andExpect(status().isOk());
			mvc.perform(get("/api/v1/licenses/" + license.getNumber() + "/credential").with(token))
				.andExpect(status().isOk());
			mvc.perform(get("/api/v1/licenses/" + license.getNumber() + "/grants").with(token))
				.andExpect(status().isOk());
			assertThat(IdentityStub.checksFor(uscc)).isEqualTo(before);
		}
		finally {
			IdentityStub.CHECK_DOWN.remove(uscc);
		}
	}

	@Test
	void agentWhoseAuthorisationHasNotArrivedYetIsLetInOnIdentityServicesWord() throws Exception {
		String uscc = EnterpriseWalletTests.uscc();
		String agent = "agent-early-" + UUID.randomUUID();
		enterpriseLicence(uscc);
		RequestPostProcessor token = person(agent, "enterprise-agent");
		mvc.perform(get("/api/v1/licenses?enterprise=" + uscc).with(token)).andExpect(status().isForbidden());
		IdentityStub.AUTHORITIES.put(uscc + "|" + agent, "AUTHORIZATION");
		mvc.perform(get("/api/v1/licenses?enterprise=" + uscc).with(token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1));
	}

}
