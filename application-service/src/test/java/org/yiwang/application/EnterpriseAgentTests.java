package org.yiwang.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.application.agent.AgentAuthorisations;
import org.yiwang.application.catalog.PublishedItems;
import org.yiwang.shared.contracts.AgentAuthorizationRevoked;
import org.yiwang.shared.contracts.AgentAuthorized;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Enterprise authorisation decided in identity-service takes effect here through {@code identity.events}: an agent
 * applies in the enterprise's name only while authorised for the item, every authorised agent follows the
 * enterprise's applications, and a revocation closes both.
 */
class EnterpriseAgentTests extends ServiceTestSupport {

	static final String ITEM = "44030000SCJG-QR-0801";

	static final String OTHER_ITEM = "44030000SCJG-QR-0802";

	static final String USCC = "91440300MA5FTEQT1U";

	@BeforeAll
	static void catalogAndIdentityPublished() {
		for (String code : List.of(ITEM, OTHER_ITEM)) {
			EventProbe.send(Topics.CATALOG, envelope(ItemPublished.TYPE, code,
					new ItemPublished(code, 1, "企业登记事项 " + code, "SCJG", "市场监督管理局", 3, 15, null, null, 0)));
		}
	}

	static EventEnvelope envelope(String type, String aggregateId, Object payload) {
		return new EventEnvelope(UUID.randomUUID().toString(), type, 1, Instant.now(), aggregateId, "test-corr", null,
				"test", EventCodec.toMap(payload));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	AgentAuthorisations agents;

	@Autowired
	PublishedItems items;

	String apply(String agent, String item) throws Exception {
		return mvc
			.perform(post("/api/v1/applications").with(TestJwts.user(agent, null, "enterprise-agent"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"itemCode\":\"" + item + "\",\"enterprise\":\"" + USCC + "\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void authorisationGrantsAndRevocationWithdrawsAccess() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> items.existsById(ITEM) && items.existsById(OTHER_ITEM));
		String authorizationId = "AUTH-" + UUID.randomUUID();

		// not authorised yet: refused, nothing stored
		mvc.perform(post("/api/v1/applications").with(TestJwts.user("agent-wang", null, "enterprise-agent"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemCode\":\"" + ITEM + "\",\"enterprise\":\"" + USCC + "\"}")).andExpect(status().isForbidden());

		// the legal representative authorises agent-wang for ITEM only
		EventProbe.send(Topics.IDENTITY, envelope(AgentAuthorized.TYPE, authorizationId,
				new AgentAuthorized(authorizationId, USCC, "深圳市演示餐饮有限公司", "agent-wang", "王五", false, List.of(ITEM),
						Instant.now(), Instant.now().plusSeconds(86400), "legal-rep", Instant.now())));
		await().atMost(Duration.ofSeconds(20)).until(() -> agents.mayActFor("agent-wang", USCC));

		String body = apply("agent-wang", ITEM);
		String applicationId = com.jayway.jsonpath.JsonPath.read(body, "$.id");
		mvc.perform(get("/api/v1/applications/" + applicationId).with(TestJwts.user("agent-wang", null, "enterprise-agent")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enterpriseUscc").value(USCC))
			.andExpect(jsonPath("$.enterpriseName").value("深圳市演示餐饮有限公司"));
		mvc.perform(get("/api/v1/applications").with(TestJwts.user("agent-wang", null, "enterprise-agent")))
			.andExpect(jsonPath("$.items[?(@.id == '" + applicationId + "')]").exists());

		// the authorisation covers ITEM, not OTHER_ITEM; and another agent has none
		mvc.perform(post("/api/v1/applications").with(TestJwts.user("agent-wang", null, "enterprise-agent"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemCode\":\"" + OTHER_ITEM + "\",\"enterprise\":\"" + USCC + "\"}")).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/applications/" + applicationId).with(TestJwts.user("agent-li", null, "enterprise-agent")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/applications").with(TestJwts.user("agent-li", null, "enterprise-agent")))
			.andExpect(jsonPath("$.items[?(@.id == '" + applicationId + "')]").doesNotExist());

		// revoked in identity-service: the application is no longer the agent's to see, nor may they apply
		EventProbe.send(Topics.IDENTITY, envelope(AgentAuthorizationRevoked.TYPE, authorizationId,
				new AgentAuthorizationRevoked(authorizationId, USCC, "agent-wang", "legal-rep", Instant.now())));
		await().atMost(Duration.ofSeconds(20)).until(() -> !agents.mayActFor("agent-wang", USCC));
		mvc.perform(get("/api/v1/applications/" + applicationId).with(TestJwts.user("agent-wang", null, "enterprise-agent")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/applications").with(TestJwts.user("agent-wang", null, "enterprise-agent"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemCode\":\"" + ITEM + "\",\"enterprise\":\"" + USCC + "\"}")).andExpect(status().isForbidden());
	}

	@Test
	void expiredAuthorisationGivesNoAccessAndARevocationArrivingFirstIsFinal() throws Exception {
		String expired = "AUTH-" + UUID.randomUUID();
		EventProbe.send(Topics.IDENTITY, envelope(AgentAuthorized.TYPE, expired,
				new AgentAuthorized(expired, USCC, "深圳市演示餐饮有限公司", "agent-zhao", "赵六", true, List.of(),
						Instant.now().minusSeconds(7200), Instant.now().minusSeconds(60), "legal-rep", Instant.now())));
		String early = "AUTH-" + UUID.randomUUID();
		EventProbe.send(Topics.IDENTITY, envelope(AgentAuthorizationRevoked.TYPE, early,
				new AgentAuthorizationRevoked(early, USCC, "agent-qian", "legal-rep", Instant.now())));
		EventProbe.send(Topics.IDENTITY, envelope(AgentAuthorized.TYPE, early,
				new AgentAuthorized(early, USCC, "深圳市演示餐饮有限公司", "agent-qian", "钱七", true, List.of(),
						Instant.now(), Instant.now().plusSeconds(86400), "legal-rep", Instant.now())));
		// a later grant to a third agent on the same partition key proves the earlier events were processed
		String marker = "AUTH-" + UUID.randomUUID();
		EventProbe.send(Topics.IDENTITY, envelope(AgentAuthorized.TYPE, marker,
				new AgentAuthorized(marker, USCC, "深圳市演示餐饮有限公司", "agent-sun", "孙八", true, List.of(),
						Instant.now(), Instant.now().plusSeconds(86400), "legal-rep", Instant.now())));
		await().atMost(Duration.ofSeconds(20)).until(() -> agents.mayActFor("agent-sun", USCC));
		await().atMost(Duration.ofSeconds(10)).until(() -> agents.enterpriseName(USCC).isPresent());
		org.assertj.core.api.Assertions.assertThat(agents.mayActFor("agent-zhao", USCC)).isFalse();
		org.assertj.core.api.Assertions.assertThat(agents.mayActFor("agent-qian", USCC)).isFalse();
	}

}
