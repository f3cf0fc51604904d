package org.yiwang.application;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.application.catalog.PublishedItems;
import org.yiwang.application.material.PeerStub;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 法定代表人: the legal representative — a plain citizen account — applies in the enterprise's name and follows its
 * applications without any authorisation, because identity-service (asked with the caller's own token) says they
 * represent it; someone it does not list is refused; identity-service down is a 503, not a "forbidden".
 */
class LegalRepresentativeTests extends ServiceTestSupport {

	static final String ITEM = "44030000SCJG-QR-0901";

	static final String REPRESENTED = "91440305MA5G8K2L7Y";

	static final String OTHER = "91440304MA5F3J9N17";

	@BeforeAll
	static void itemPublished() {
		EventProbe.send(Topics.CATALOG, new EventEnvelope(UUID.randomUUID().toString(), ItemPublished.TYPE, 1,
				Instant.now(), ITEM, "test-corr", null, "test", EventCodec
					.toMap(new ItemPublished(ITEM, 1, "企业变更登记（测试）", "SCJG", "市场监督管理局", 3, 15, null, null, 0))));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PublishedItems items;

	final PeerStub identity = PeerStub.get();

	@AfterEach
	void reset() {
		identity.reset();
	}

	String apply(String citizen, String uscc, int expected) throws Exception {
		return mvc
			.perform(post("/api/v1/applications").with(TestJwts.citizen(citizen))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"itemCode\":\"" + ITEM + "\",\"enterprise\":\"" + uscc + "\"}"))
			.andExpect(status().is(expected))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void theLegalRepresentativeActsForTheEnterpriseWithoutAnAuthorisation() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> items.existsById(ITEM));
		identity.on("GET /api/v1/identity/me", call -> PeerStub.Answer.json("""
				{"subject":"x","enterprises":[{"uscc":"%s","name":"深圳市南山区张三餐饮管理有限公司","role":"LEGAL_REPRESENTATIVE"},
				 {"uscc":"%s","name":"深圳市福田区李四科技有限公司","role":"AGENT"}]}""".formatted(REPRESENTED, OTHER)));
		String representative = "legal-rep-" + UUID.randomUUID();

		String id = JsonPath.read(apply(representative, REPRESENTED, 201), "$.id");
		mvc.perform(get("/api/v1/applications/" + id).with(TestJwts.citizen(representative)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enterpriseUscc").value(REPRESENTED))
			.andExpect(jsonPath("$.enterpriseName").value("深圳市南山区张三餐饮管理有限公司"));
		mvc.perform(get("/api/v1/applications?size=100").with(TestJwts.citizen(representative)))
			.andExpect(jsonPath("$.items[?(@.id == '" + id + "')]").exists());
		// an enterprise it is only an agent of in /me (no authorisation event here) is not represented
		apply(representative, OTHER, 403);
		assertThat(identity.calls("/api/v1/identity/me")).isNotEmpty()
			.allSatisfy(call -> assertThat(call.authorization()).startsWith("Bearer ").doesNotContain("svc-application"));

		// a citizen identity-service does not list as representative
		identity.on("GET /api/v1/identity/me", call -> PeerStub.Answer.json("{\"subject\":\"y\",\"enterprises\":[]}"));
		String stranger = "stranger-" + UUID.randomUUID();
		apply(stranger, REPRESENTED, 403);
		mvc.perform(get("/api/v1/applications/" + id).with(TestJwts.citizen(stranger))).andExpect(status().isNotFound());
	}

	@Test
	void identityServiceDownIsA503NotAForbidden() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> items.existsById(ITEM));
		identity.on("GET /api/v1/identity/me", call -> new PeerStub.Answer(503, "{}"));
		mvc.perform(post("/api/v1/applications").with(TestJwts.citizen("rep-" + UUID.randomUUID()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemCode\":\"" + ITEM + "\",\"enterprise\":\"" + REPRESENTED + "\"}"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("peer-unavailable")));
	}

}
