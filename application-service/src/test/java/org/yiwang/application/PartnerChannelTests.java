package org.yiwang.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.application.catalog.PublishedItems;
import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A partner channel app holding a user's token (issued after the user consented) applies for that user, channel
 * PARTNER_APP; without the consented scope, or on any path no partner scope opens, it is refused.
 */
class PartnerChannelTests extends ServiceTestSupport {

	static final String ITEM = "44030000SCJG-QR-0901";

	@BeforeAll
	static void itemPublished() {
		EventProbe.send(Topics.CATALOG, new EventEnvelope(UUID.randomUUID().toString(), ItemPublished.TYPE, 1,
				Instant.now(), ITEM, null, null, "test", EventCodec.toMap(
						new ItemPublished(ITEM, 1, "个体工商户变更登记", "SCJG", "市场监督管理局", 3, 15, null, null, 0))));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PublishedItems items;

	static JwtRequestPostProcessor partnerToken(String user, String scope) {
		return SecurityMockMvcRequestPostProcessors.jwt()
			.jwt(jwt -> jwt.subject(user)
				.claim("preferred_username", user)
				.claim("name", user)
				.claim("azp", "partner-alipay")
				.claim("scope", scope)
				.claim("realm_access", Map.of("roles", List.of("citizen"))))
			.authorities(List.<GrantedAuthority>of(new SimpleGrantedAuthority("ROLE_citizen")));
	}

	@Test
	void partnerAppliesForAConsentingUserWithTheConsentedScopeOnly() throws Exception {
		await().atMost(Duration.ofSeconds(20)).until(() -> items.existsById(ITEM));
		mvc.perform(post("/api/v1/applications").with(partnerToken("citizen-partner", "openid profile partner:applications"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemCode\":\"" + ITEM + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.channel").value("PARTNER_APP"));
		mvc.perform(get("/api/v1/applications").with(partnerToken("citizen-partner", "openid profile partner:applications")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1));

		mvc.perform(post("/api/v1/applications").with(partnerToken("citizen-partner", "openid profile"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"itemCode\":\"" + ITEM + "\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("https://yiwang.dev/problems/partner-scope"));
		mvc.perform(get("/api/v1/calendars/working-days").with(partnerToken("citizen-partner", "partner:applications")))
			.andExpect(status().isForbidden());
	}

}
