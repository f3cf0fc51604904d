package org.yiwang.exchange;

import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.yiwang.exchange.grant.GrantDesk;
import org.yiwang.exchange.grant.GrantEvents;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Requests, decisions, automatic grants, expiry and revocation, with the events each change publishes. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(GrantTests.Clocks.class)
class GrantTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "exchange-grants-test");
	}

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock();
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	GrantDesk desk;

	static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder builder, RequestPostProcessor who,
			String body) {
		return builder.with(who).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	static String request(String resource, String fields, int days) {
		return """
				{"resourceCode":"%s","fields":[%s],"purposeCategories":["ADMINISTRATIVE_LICENSING","ADMINISTRATIVE_CONFIRMATION"],
				 "purpose":"办理食品经营许可时核验申请人身份",
				 "legalBasis":"《优化营商环境条例》第三十七条","durationDays":%d}
				""".formatted(resource, fields, days);
	}

	String requestGrant(RequestPostProcessor who, String body) throws Exception {
		String response = mvc.perform(json(post("/api/v1/exchange/grants"), who, body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(response, "$.id");
	}

	@Test
	void providerApprovesFewerFieldsThenRevokes() throws Exception {
		try (EventProbe probe = EventProbe.on(Topics.EXCHANGE)) {
			String id = requestGrant(TestJwts.deptAdmin("admin-wsjk", "WSJK"),
					request("GA-POPULATION", "\"name\",\"address\",\"birthDate\"", 365));
			probe.await(GrantEvents.GrantRequested.TYPE, e -> id.equals(e.aggregateId()));
			mvc.perform(get("/api/v1/exchange/grants/" + id).with(TestJwts.officer("officer-wsjk", "WSJK")))
				.andExpect(jsonPath("$.status").value("REQUESTED"));

			// the consumer cannot approve its own request; another department cannot see it
			mvc.perform(json(post("/api/v1/exchange/grants/" + id + "/approval"), TestJwts.deptAdmin("admin-wsjk", "WSJK"),
					"{\"revision\":0}")).andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/exchange/grants/" + id).with(TestJwts.officer("officer-scjg", "SCJG")))
				.andExpect(status().isForbidden());
			// a field that was not requested cannot be granted
			mvc.perform(json(post("/api/v1/exchange/grants/" + id + "/approval"), TestJwts.deptAdmin("admin-ga", "GA"),
					"{\"revision\":0,\"fields\":[\"idNumber\"]}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("fields"));

			mvc.perform(json(post("/api/v1/exchange/grants/" + id + "/approval"), TestJwts.deptAdmin("admin-ga", "GA"),
					"{\"revision\":0,\"fields\":[\"name\",\"birthDate\"]}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("ACTIVE"))
				.andExpect(jsonPath("$.grantedFields.length()").value(2))
				.andExpect(jsonPath("$.revision").value(1));
			EventEnvelope approved = probe.await(GrantEvents.GrantApproved.TYPE, e -> id.equals(e.aggregateId()));
			assertThat(approved.payload().get("grantedFields")).asList().containsExactly("name", "birthDate");
			assertThat(approved.payload().get("automatic")).isEqualTo(false);
			assertThat(desk.activeGrant("GA-POPULATION", "WSJK")).isPresent();

			// a decision on a stale revision is a conflict
			mvc.perform(json(post("/api/v1/exchange/grants/" + id + "/revocation"), TestJwts.deptAdmin("admin-ga", "GA"),
					"{\"revision\":0,\"reason\":\"用途已结束\"}")).andExpect(status().isConflict());
			mvc.perform(json(post("/api/v1/exchange/grants/" + id + "/revocation"), TestJwts.deptAdmin("admin-ga", "GA"),
					"{\"revision\":1,\"reason\":\"用途已结束\"}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("REVOKED"));
			probe.await(GrantEvents.GrantRevoked.TYPE, e -> id.equals(e.aggregateId()));
			assertThat(desk.activeGrant("GA-POPULATION", "WSJK")).isEmpty();
		}
	}

	@Test
	void unconditionalResourcesAreGrantedAutomatically() throws Exception {
		try (EventProbe probe = EventProbe.on(Topics.EXCHANGE)) {
			String id = requestGrant(TestJwts.deptAdmin("admin-xfjy", "XFJY"),
					request("SCJG-LEGAL-PERSON", "\"name\",\"status\"", 30));
			mvc.perform(get("/api/v1/exchange/grants/" + id).with(TestJwts.officer("officer-xfjy", "XFJY")))
				.andExpect(jsonPath("$.status").value("ACTIVE"))
				.andExpect(jsonPath("$.decidedBy").value("system:unconditional"));
			EventEnvelope approved = probe.await(GrantEvents.GrantApproved.TYPE, e -> id.equals(e.aggregateId()));
			assertThat(approved.payload().get("automatic")).isEqualTo(true);
			// one open grant per resource and department
			mvc.perform(json(post("/api/v1/exchange/grants"), TestJwts.deptAdmin("admin-xfjy", "XFJY"),
					request("SCJG-LEGAL-PERSON", "\"name\"", 30))).andExpect(status().isConflict());
			mvc.perform(get("/api/v1/exchange/grants?side=provider").with(TestJwts.deptAdmin("admin-scjg", "SCJG")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.items[?(@.id == '" + id + "')].consumerDepartment").value("XFJY"));
		}
	}

	@Test
	void providerDeniesWithAReason() throws Exception {
		String id = requestGrant(TestJwts.deptAdmin("admin-sthj", "STHJ"), request("ZJJ-PROPERTY", "\"owner\"", 90));
		mvc.perform(json(post("/api/v1/exchange/grants/" + id + "/denial"), TestJwts.deptAdmin("admin-zjj", "ZJJ"),
				"{\"revision\":0,\"reason\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(json(post("/api/v1/exchange/grants/" + id + "/denial"), TestJwts.deptAdmin("admin-zjj", "ZJJ"),
				"{\"revision\":0,\"reason\":\"用途与不动产登记信息无关\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DENIED"));
		assertThat(desk.activeGrant("ZJJ-PROPERTY", "STHJ")).isEmpty();
	}

	@Test
	void grantsExpire() throws Exception {
		try (EventProbe probe = EventProbe.on(Topics.EXCHANGE)) {
			String id = requestGrant(TestJwts.deptAdmin("admin-csgl", "CSGL"),
					request("RSJ-SOCIAL-INSURANCE", "\"insuredStatus\"", 1));
			mvc.perform(json(post("/api/v1/exchange/grants/" + id + "/approval"), TestJwts.deptAdmin("admin-rsj", "RSJ"),
					"{\"revision\":0}")).andExpect(status().isOk());
			assertThat(desk.activeGrant("RSJ-SOCIAL-INSURANCE", "CSGL")).isPresent();

			clock.advance(Duration.ofDays(2));
			assertThat(desk.activeGrant("RSJ-SOCIAL-INSURANCE", "CSGL")).isEmpty();
			assertThat(desk.expireDue()).isGreaterThanOrEqualTo(1);
			mvc.perform(get("/api/v1/exchange/grants/" + id).with(TestJwts.officer("officer-csgl", "CSGL")))
				.andExpect(jsonPath("$.status").value("EXPIRED"));
			probe.await(GrantEvents.GrantExpired.TYPE, e -> id.equals(e.aggregateId()));
		}
	}

	@Test
	void grantsAreForStatedPurposeCategoriesWhichTheProviderMayNarrow() throws Exception {
		try (EventProbe probe = EventProbe.on(Topics.EXCHANGE)) {
			String id = requestGrant(TestJwts.deptAdmin("admin-wsjk", "WSJK"), request("ZJJ-PROPERTY", "\"owner\"", 30)
				.replace("\"ADMINISTRATIVE_CONFIRMATION\"", "\"PUBLIC_SERVICE\",\"SOCIAL_ASSISTANCE\""));
			EventEnvelope requested = probe.await(GrantEvents.GrantRequested.TYPE, e -> id.equals(e.aggregateId()));
			assertThat(requested.payload().get("purposeCategories")).asList()
				.containsExactly("ADMINISTRATIVE_LICENSING", "PUBLIC_SERVICE", "SOCIAL_ASSISTANCE");
			// the provider cannot grant a purpose that was not asked for
			mvc.perform(json(post("/api/v1/exchange/grants/" + id + "/approval"), TestJwts.deptAdmin("admin-zjj", "ZJJ"),
					"{\"revision\":0,\"purposeCategories\":[\"SUPERVISION_ENFORCEMENT\"]}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("purposeCategories"));
			mvc.perform(json(post("/api/v1/exchange/grants/" + id + "/approval"), TestJwts.deptAdmin("admin-zjj", "ZJJ"),
					"{\"revision\":0,\"purposeCategories\":[\"SOCIAL_ASSISTANCE\"]}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.requestedPurposeCategories.length()").value(3))
				.andExpect(jsonPath("$.grantedPurposeCategories[0]").value("SOCIAL_ASSISTANCE"))
				.andExpect(jsonPath("$.grantedPurposeCategories.length()").value(1));
			EventEnvelope approved = probe.await(GrantEvents.GrantApproved.TYPE, e -> id.equals(e.aggregateId()));
			assertThat(approved.payload().get("purposeCategories")).asList().containsExactly("SOCIAL_ASSISTANCE");

			// unconditional: granted at once for the purposes requested
			String auto = requestGrant(TestJwts.deptAdmin("admin-ybj", "YBJ"),
					request("SCJG-LEGAL-PERSON", "\"name\"", 30));
			mvc.perform(get("/api/v1/exchange/grants/" + auto).with(TestJwts.officer("officer-ybj", "YBJ")))
				.andExpect(jsonPath("$.status").value("ACTIVE"))
				.andExpect(jsonPath("$.grantedPurposeCategories[0]").value("ADMINISTRATIVE_LICENSING"))
				.andExpect(jsonPath("$.grantedPurposeCategories[1]").value("ADMINISTRATIVE_CONFIRMATION"));
			EventEnvelope automatic = probe.await(GrantEvents.GrantApproved.TYPE, e -> auto.equals(e.aggregateId()));
			assertThat(automatic.payload().get("purposeCategories")).asList()
				.containsExactly("ADMINISTRATIVE_LICENSING", "ADMINISTRATIVE_CONFIRMATION");
		}
	}

	@Test
	void aRequestStatesItsPurposeCategoriesFromTheVocabulary() throws Exception {
		for (String categories : List.of("\"purposeCategories\":[],", "", "\"purposeCategories\":null,")) {
			mvc.perform(json(post("/api/v1/exchange/grants"), TestJwts.deptAdmin("admin-sthj", "STHJ"),
					request("RSJ-SOCIAL-INSURANCE", "\"insuredStatus\"", 30)
						.replace("\"purposeCategories\":[\"ADMINISTRATIVE_LICENSING\",\"ADMINISTRATIVE_CONFIRMATION\"],",
								categories)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("purposeCategories"));
		}
		mvc.perform(json(post("/api/v1/exchange/grants"), TestJwts.deptAdmin("admin-sthj", "STHJ"),
				request("RSJ-SOCIAL-INSURANCE", "\"insuredStatus\"", 30).replace("ADMINISTRATIVE_CONFIRMATION",
						"CURIOSITY")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith("purposeCategories")));
		mvc.perform(get("/api/v1/exchange/grants?status=REQUESTED").with(TestJwts.deptAdmin("admin-sthj", "STHJ")))
			.andExpect(jsonPath("$.items[?(@.resourceCode == 'RSJ-SOCIAL-INSURANCE')]").isEmpty());
	}

	@Test
	void invalidRequestsAreRejectedNamingTheField() throws Exception {
		mvc.perform(json(post("/api/v1/exchange/grants"), TestJwts.deptAdmin("admin-ybj", "YBJ"),
				request("GA-POPULATION", "\"salary\"", 30)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("fields"));
		mvc.perform(json(post("/api/v1/exchange/grants"), TestJwts.deptAdmin("admin-ybj", "YBJ"),
				request("GA-POPULATION", "\"name\"", 30).replace("办理食品经营许可时核验申请人身份", " ")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("purpose"));
		mvc.perform(json(post("/api/v1/exchange/grants"), TestJwts.deptAdmin("admin-ybj", "YBJ"),
				request("NO-SUCH", "\"name\"", 30)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("resourceCode"));
		mvc.perform(json(post("/api/v1/exchange/grants"), TestJwts.officer("officer-ybj", "YBJ"),
				request("GA-POPULATION", "\"name\"", 30))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/exchange/grants").with(TestJwts.officer("officer-ybj", "YBJ")))
			.andExpect(jsonPath("$.total").value(0));
	}

}
