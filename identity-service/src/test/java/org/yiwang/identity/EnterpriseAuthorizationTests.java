package org.yiwang.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yiwang.shared.contracts.AgentAuthorized;
import org.yiwang.shared.contracts.AgentAuthorizationRevoked;
import org.yiwang.identity.testing.FakeKeycloak;
import org.yiwang.identity.testing.TestIds;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 企业授权 end to end inside the service: SCJG registers the enterprise, its legal representative grants an agent,
 * the check endpoint and /me follow, {@code identity.AgentAuthorized} / {@code AgentAuthorizationRevoked} reach the
 * real broker through the outbox.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EnterpriseAuthorizationTests {

	static final FakeKeycloak KEYCLOAK = FakeKeycloak.get();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "identity-authorization-test");
		registry.add("identity.keycloak.admin-url", KEYCLOAK::url);
		registry.add("identity.keycloak.client-secret", () -> "test-admin-secret");
		registry.add("identity.pii.key-dir",
				() -> Path.of("target", "test-keys", UUID.randomUUID().toString()).toString());
	}

	@Autowired
	MockMvc mvc;

	String register(String idNumber) throws Exception {
		String username = "p-" + UUID.randomUUID().toString().substring(0, 8);
		String body = mvc
			.perform(post("/api/v1/identity/registrations").contentType(MediaType.APPLICATION_JSON)
				.content(ProvisioningTests.registration(username, idNumber, "13612345678")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return FakeKeycloak.JSON.readTree(body).get("subject").asString();
	}

	@Test
	void theLegalRepresentativeGrantsAndRevokesAndServicesSeeIt() throws Exception {
		String repId = TestIds.idNumber();
		String rep = register(repId);
		String agentId = TestIds.idNumber();
		String agent = register(agentId);
		String uscc = TestIds.uscc();

		String enterprise = """
				{"uscc":"%s","name":"深圳市演示餐饮管理有限公司（演示）","type":"COMPANY",
				 "legalRepresentativeName":"演示法人","legalRepresentativeIdNumber":"%s"}
				""".formatted(uscc, repId);
		mvc.perform(post("/api/v1/identity/enterprises").with(TestJwts.citizen(rep))
			.contentType(MediaType.APPLICATION_JSON)
			.content(enterprise)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/identity/enterprises").with(TestJwts.officer("officer-wsjk", "WSJK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(enterprise)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/identity/enterprises").with(TestJwts.officer("officer-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(enterprise.replace(uscc, uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0'))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("uscc"));
		mvc.perform(post("/api/v1/identity/enterprises").with(TestJwts.officer("officer-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(enterprise))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.legalRepresentativeIdNumber").value(repId.substring(0, 4) + "**********" + repId.substring(14)));

		mvc.perform(get("/api/v1/identity/me").with(TestJwts.citizen(rep)))
			.andExpect(jsonPath("$.enterprises[0].uscc").value(uscc))
			.andExpect(jsonPath("$.enterprises[0].role").value("LEGAL_REPRESENTATIVE"));

		String validUntil = Instant.now().plus(Duration.ofDays(90)).toString();
		String grant = "{\"agentIdNumber\":\"" + agentId + "\",\"itemCodes\":[\"44030000SCJG-XK-0001\"],\"validUntil\":\""
				+ validUntil + "\"}";
		mvc.perform(post("/api/v1/identity/enterprises/" + uscc + "/authorizations").with(TestJwts.citizen(agent))
			.contentType(MediaType.APPLICATION_JSON)
			.content(grant)).andExpect(status().isForbidden());
		String granted = mvc
			.perform(post("/api/v1/identity/enterprises/" + uscc + "/authorizations").with(TestJwts.citizen(rep))
				.contentType(MediaType.APPLICATION_JSON)
				.content(grant))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.agentSubject").value(agent))
			.andExpect(jsonPath("$.allItems").value(false))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String authorizationId = FakeKeycloak.JSON.readTree(granted).get("id").asString();
		assertThat(KEYCLOAK.requests("POST", "/admin/realms/gov/users/" + agent + "/role-mappings/realm"))
			.anySatisfy(r -> assertThat(r.body()).contains("\"enterprise-agent\""));

		String check = "/api/v1/identity/authorizations/check?enterprise=" + uscc + "&agent=" + agent + "&item=";
		mvc.perform(get(check + "44030000SCJG-XK-0001").with(TestJwts.user("sys", "SCJG", "dept-system")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.allowed").value(true))
			.andExpect(jsonPath("$.authorizationId").value(authorizationId));
		mvc.perform(get(check + "44030000WSJK-XK-0002").with(TestJwts.user("sys", "SCJG", "dept-system")))
			.andExpect(jsonPath("$.allowed").value(false));
		mvc.perform(get(check + "44030000SCJG-XK-0001").with(TestJwts.citizen(agent)))
			.andExpect(jsonPath("$.allowed").value(true));
		mvc.perform(get(check + "44030000SCJG-XK-0001").with(TestJwts.citizen("nosy")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/identity/me").with(TestJwts.citizen(agent)))
			.andExpect(jsonPath("$.enterprises[0].uscc").value(uscc))
			.andExpect(jsonPath("$.enterprises[0].role").value("AGENT"))
			.andExpect(jsonPath("$.enterprises[0].itemCodes[0]").value("44030000SCJG-XK-0001"));

		try (EventProbe probe = EventProbe.on(Topics.IDENTITY)) {
			EventEnvelope event = probe.await(AgentAuthorized.TYPE, e -> e.aggregateId().equals(authorizationId));
			AgentAuthorized payload = EventCodec.payload(event, AgentAuthorized.class);
			assertThat(payload.enterpriseUscc()).isEqualTo(uscc);
			assertThat(payload.agentSubject()).isEqualTo(agent);
			assertThat(payload.itemCodes()).containsExactly("44030000SCJG-XK-0001");
			assertThat(payload.grantedBy()).isEqualTo(rep);
			assertThat(EventCodec.write(event)).doesNotContain(agentId).doesNotContain(repId);

			mvc.perform(delete("/api/v1/identity/enterprises/" + uscc + "/authorizations/" + authorizationId)
				.with(TestJwts.citizen(agent))).andExpect(status().isForbidden());
			mvc.perform(delete("/api/v1/identity/enterprises/" + uscc + "/authorizations/" + authorizationId)
				.with(TestJwts.citizen(rep)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("REVOKED"));
			mvc.perform(delete("/api/v1/identity/enterprises/" + uscc + "/authorizations/" + authorizationId)
				.with(TestJwts.citizen(rep))).andExpect(status().isConflict());

			assertThat(KEYCLOAK.requests("DELETE", "/admin/realms/gov/users/" + agent + "/role-mappings/realm"))
				.singleElement()
				.satisfies(r -> assertThat(r.body()).contains("\"enterprise-agent\""));

			EventEnvelope revoked = probe.await(AgentAuthorizationRevoked.TYPE,
					e -> e.aggregateId().equals(authorizationId));
			assertThat(EventCodec.payload(revoked, AgentAuthorizationRevoked.class).agentSubject()).isEqualTo(agent);
		}
		mvc.perform(get(check + "44030000SCJG-XK-0001").with(TestJwts.user("sys", "SCJG", "dept-system")))
			.andExpect(jsonPath("$.allowed").value(false));
		mvc.perform(get("/api/v1/identity/me").with(TestJwts.citizen(agent)))
			.andExpect(jsonPath("$.enterprises").isEmpty());
		mvc.perform(get("/api/v1/identity/authorizations/check?enterprise=" + uscc + "&agent=" + rep)
			.with(TestJwts.officer("o", "SCJG")))
			.andExpect(jsonPath("$.allowed").value(true))
			.andExpect(jsonPath("$.basis").value("LEGAL_REPRESENTATIVE"));
	}

	@Test
	void grantsNeedARegisteredAgentAndAFutureExpiry() throws Exception {
		String repId = TestIds.idNumber();
		String rep = register(repId);
		String uscc = TestIds.uscc();
		mvc.perform(post("/api/v1/identity/enterprises").with(TestJwts.user("ops", null, "platform-admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"uscc":"%s","name":"演示个体户","type":"INDIVIDUAL_BUSINESS","legalRepresentativeName":"演示",
					 "legalRepresentativeIdNumber":"%s"}
					""".formatted(uscc, repId))).andExpect(status().isCreated());
		String url = "/api/v1/identity/enterprises/" + uscc + "/authorizations";
		mvc.perform(post(url).with(TestJwts.citizen(rep))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agentIdNumber\":\"" + TestIds.idNumber() + "\",\"validUntil\":\"2099-01-01T00:00:00Z\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("agentIdNumber"));
		String agent = register(TestIds.idNumber());
		mvc.perform(post(url).with(TestJwts.citizen(rep))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agentSubject\":\"" + agent + "\",\"validUntil\":\"2020-01-01T00:00:00Z\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("validUntil"));
		mvc.perform(post(url).with(TestJwts.citizen(rep))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"agentSubject\":\"" + agent + "\",\"validUntil\":\"2099-01-01T00:00:00Z\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.allItems").value(true));
		mvc.perform(get(url).with(TestJwts.citizen(rep))).andExpect(jsonPath("$[0].agentSubject").value(agent));
		mvc.perform(get(url).with(TestJwts.citizen(agent))).andExpect(status().isForbidden());
	}

}
