package org.yiwang.license;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.yiwang.license.license.Holder;
import org.yiwang.license.license.License;
import org.yiwang.shared.contracts.AgentAuthorizationRevoked;
import org.yiwang.shared.contracts.AgentAuthorized;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The enterprise wallet: an agent lists, reads and shares the licences of an enterprise while identity-service's
 * authorisation (learnt from {@code identity.events} on the real broker) is current; revoked or expired → 403.
 */
class EnterpriseWalletTests extends LicenseTestSupport {

	static void authorise(String authorizationId, String uscc, String agent, Instant validUntil) {
		AgentAuthorized payload = new AgentAuthorized(authorizationId, uscc, "深圳市演示餐饮有限公司", agent, "王经办", true,
				List.of(), Instant.now().minus(Duration.ofDays(1)), validUntil, "legal-rep", Instant.now());
		EventProbe.send(Topics.IDENTITY, new EventEnvelope(UUID.randomUUID().toString(), AgentAuthorized.TYPE, 1,
				Instant.now(), authorizationId, null, null, "identity-service", EventCodec.toMap(payload)));
	}

	static void revoke(String authorizationId, String uscc, String agent) {
		AgentAuthorizationRevoked payload = new AgentAuthorizationRevoked(authorizationId, uscc, agent, "legal-rep",
				Instant.now());
		EventProbe.send(Topics.IDENTITY, new EventEnvelope(UUID.randomUUID().toString(),
				AgentAuthorizationRevoked.TYPE, 1, Instant.now(), authorizationId, null, null, "identity-service",
				EventCodec.toMap(payload)));
	}

	static RequestPostProcessor agent(String subject) {
		return TestJwts.user(subject, null, "enterprise-agent");
	}

	License enterpriseLicence(String uscc) {
		String caseId = "CASE-" + UUID.randomUUID();
		return issuer
			.issue(new License.Issuance("FOOD_BUSINESS", "食品经营许可证",
					Holder.enterprise(uscc, "深圳市演示餐饮有限公司", "agent-who-applied", "原经办人"), "SCJG", caseId,
					"APP-" + caseId, "44030000SCJG-XK-0001", 5, Map.of("seats", "60")))
			.orElseThrow();
	}

	static String uscc() {
		String org = UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase()
			.replaceAll("[IOZSV]", "A");
		return IdentityStub.uscc(org);
	}

	@Test
	void authorisedAgentListsReadsAndSharesTheEnterprisesLicencesUntilRevoked() throws Exception {
		String uscc = uscc();
		String other = uscc();
		String agent = "agent-" + UUID.randomUUID();
		License license = enterpriseLicence(uscc);
		License othersLicence = enterpriseLicence(other);
		String wallet = "/api/v1/licenses?enterprise=" + uscc;
		mvc.perform(get(wallet).with(agent(agent))).andExpect(status().isForbidden());

		authorise("AUTH-" + UUID.randomUUID(), uscc, agent, Instant.now().plus(Duration.ofDays(30)));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> mvc.perform(get(wallet).with(agent(agent))).andReturn().getResponse().getStatus() == 200);
		mvc.perform(get(wallet).with(agent(agent)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].number").value(license.getNumber()))
			.andExpect(jsonPath("$.items[0].holderType").value("ENTERPRISE"))
			.andExpect(jsonPath("$.items[0].holderIdentifier").value(uscc))
			.andExpect(jsonPath("$.items[0].holderName").value("深圳市演示餐饮有限公司"))
			.andExpect(jsonPath("$.items[0].agentName").value("原经办人"));
		// not another enterprise's, not as a citizen, not a malformed code
		mvc.perform(get("/api/v1/licenses?enterprise=" + other).with(agent(agent))).andExpect(status().isForbidden());
		mvc.perform(get(wallet).with(TestJwts.citizen(agent))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/licenses?enterprise=NOTAUSCC").with(agent(agent))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/licenses/" + othersLicence.getNumber()).with(agent(agent)))
			.andExpect(status().isForbidden());
		// the own wallet stays personal
		mvc.perform(get("/api/v1/licenses").with(agent(agent))).andExpect(jsonPath("$.total").value(0));

		mvc.perform(get("/api/v1/licenses/" + license.getNumber()).with(agent(agent)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.fields.seats").value("60"));
		mvc.perform(get("/api/v1/licenses/" + license.getNumber() + "/credential").with(agent(agent)))
			.andExpect(status().isOk());
		String grant = mvc.perform(post("/api/v1/licenses/" + license.getNumber() + "/grants").with(agent(agent))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"granteeType\":\"DEPARTMENT\",\"grantee\":\"WSJK\",\"purpose\":\"卫生许可核验（演示）\",\"expiresAt\":\""
					+ Instant.now().plus(Duration.ofDays(7)) + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String grantId = JsonPath.read(grant, "$.id");
		// the grant works like the holder's own: the grantee department reads, the agent sees the use
		mvc.perform(get("/api/v1/licenses/" + license.getNumber() + "?grant=" + grantId)
			.with(TestJwts.officer("officer-wsjk", "WSJK"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/licenses/" + license.getNumber() + "/uses").with(agent(agent)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].department").value("WSJK"))
			.andExpect(jsonPath("$.items[0].basis").value("GRANT"));
		// the agent who applied, without an authorisation, is not the holder
		mvc.perform(get("/api/v1/licenses/" + license.getNumber()).with(agent("agent-who-applied")))
			.andExpect(status().isForbidden());

		String authorisation = mongo.getCollection("agent_authorisations")
			.find(new org.bson.Document("agentSubject", agent))
			.first()
			.getString("_id");
		revoke(authorisation, uscc, agent);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> mvc.perform(get(wallet).with(agent(agent))).andReturn().getResponse().getStatus() == 403);
		mvc.perform(get("/api/v1/licenses/" + license.getNumber()).with(agent(agent))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/licenses/" + license.getNumber() + "/grants").with(agent(agent)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/licenses/" + license.getNumber() + "/pdf").with(agent(agent)))
			.andExpect(status().isForbidden());
		// a replayed grant does not bring the revoked authorisation back
		authorise(authorisation, uscc, agent, Instant.now().plus(Duration.ofDays(30)));
		String marker = "AUTH-" + UUID.randomUUID();
		authorise(marker, uscc(), agent, Instant.now().plus(Duration.ofDays(30)));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> mongo.getCollection("agent_authorisations").find(new org.bson.Document("_id", marker)).first() != null);
		mvc.perform(get(wallet).with(agent(agent))).andExpect(status().isForbidden());
	}

	@Test
	void expiredAuthorisationGivesNoAccess() throws Exception {
		String uscc = uscc();
		String agent = "agent-expired-" + UUID.randomUUID();
		License license = enterpriseLicence(uscc);
		String authorisation = "AUTH-" + UUID.randomUUID();
		authorise(authorisation, uscc, agent, Instant.now().minus(Duration.ofMinutes(1)));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> mongo.getCollection("agent_authorisations")
				.find(new org.bson.Document("_id", authorisation))
				.first() != null);
		mvc.perform(get("/api/v1/licenses?enterprise=" + uscc).with(agent(agent))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/licenses/" + license.getNumber()).with(agent(agent))).andExpect(status().isForbidden());
		assertThat(license.getHolderUscc()).isEqualTo(uscc);
	}

}
