package org.yiwang.exchange;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yiwang.exchange.subject.DemoSubjects;
import org.yiwang.shared.client.ServiceTokens;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Who used my data" (谁用了我的数据) against identity-service's documented contract, served by a local stub: the
 * caller's own records come from the ID number identity-service resolves for their login (asked with the
 * exchange's own service token, cached briefly); an enterprise's records only when identity-service, asked with the
 * caller's own token, says they may act for it. Token claims are not trusted; identity-service down is a 503, never
 * someone else's data; the plain number never appears in the logs.
 */
// the resolution is logged (masked) at debug: make sure that line runs
@SpringBootTest(properties = "logging.level.org.yiwang.exchange.identity=DEBUG")
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
@Import(MyDataUsesTests.Clocks.class)
class MyDataUsesTests {

	static final IdentityStub identity;

	static final String WANGWU_SUB = "5d1c2a9e-7f3b-4c8a-9e01-00000000a003";

	static final String LISI_SUB = "5d1c2a9e-7f3b-4c8a-9e01-00000000a002";

	static final String ZHANGSAN_SUB = "5d1c2a9e-7f3b-4c8a-9e01-00000000a001";

	static final String AGENT_SUB = "5d1c2a9e-7f3b-4c8a-9e01-00000000b001";

	static {
		try {
			identity = new IdentityStub();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		identity.person(WANGWU_SUB, "wangwu", "王五", DemoSubjects.WANGWU.value())
			.person(LISI_SUB, "lisi", "李四", DemoSubjects.LISI.value())
			.person(ZHANGSAN_SUB, "zhangsan", "张三", DemoSubjects.ZHANGSAN.value())
			.person(AGENT_SUB, "agent-chen", "陈七", DemoSubjects.ZHAOLIU.value())
			.userToken(ZHANGSAN_SUB, "user-token-zhangsan")
			.userToken(LISI_SUB, "user-token-lisi")
			.userToken(AGENT_SUB, "user-token-agent")
			.authorise(ZHANGSAN_SUB, DemoSubjects.ZHANGSAN_CATERING.value(), "LEGAL_REPRESENTATIVE")
			.authorise(AGENT_SUB, DemoSubjects.ZHANGSAN_CATERING.value(), "AUTHORIZATION");
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "exchange-my-data-test");
		registry.add("platform.peers.identity", identity::baseUrl);
		registry.add("platform.service-account.token-uri", identity::tokenUrl);
		registry.add("exchange.identity.timeout", () -> "500ms");
		registry.add("exchange.identity.retry-attempts", () -> "1");
		// failures in one test must not open the circuit for the others
		registry.add("exchange.identity.sliding-window-size", () -> "1000");
		registry.add("exchange.identity.minimum-calls", () -> "1000");
	}

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock();
		}

	}

	@AfterAll
	static void stopIdentity() {
		identity.close();
	}

	static volatile boolean used;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ServiceTokens serviceTokens;

	/** 卫健委 reads 王五 twice and 李四 once; 政务服务中心 prefills for 张三's restaurant. */
	@BeforeEach
	void dataWasUsed() throws Exception {
		if (used) {
			return;
		}
		ExchangeFixtures.grant(mvc, "GA-POPULATION", "GA", "WSJK", "\"name\",\"birthDate\"", null);
		ExchangeFixtures.grant(mvc, "SCJG-LEGAL-PERSON", "SCJG", "ZWFW", "\"name\",\"legalRepresentative\"", null);
		query(DemoSubjects.WANGWU.value(), "purpose-wangwu");
		query(DemoSubjects.WANGWU.value(), "purpose-wangwu");
		query(DemoSubjects.LISI.value(), "purpose-lisi");
		mvc.perform(post("/api/v1/exchange/prefill").with(TestJwts.user("zwfw-system", "ZWFW", "dept-system"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"applicationId":"APP-2026-0700","subject":"%s","resourceCodes":["SCJG-LEGAL-PERSON"],
					 "purpose":"食品经营许可申请：免提交营业执照"}
					""".formatted(DemoSubjects.ZHANGSAN_CATERING.value())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].status").value("FILLED"));
		used = true;
	}

	void query(String subject, String purpose) throws Exception {
		mvc.perform(post("/api/v1/exchange/queries").with(TestJwts.officer("officer-wsjk", "WSJK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"resourceCode":"GA-POPULATION","subject":"%s","purposeCategory":"ADMINISTRATIVE_LICENSING",
					 "purpose":"%s","applicationId":"APP-2026-0042"}
					""".formatted(subject, purpose)))
			.andExpect(status().isOk());
	}

	ResultActions myDataUses(RequestPostProcessor who) throws Exception {
		return mvc.perform(get("/api/v1/exchange/my-data-uses").with(who));
	}

	ResultActions enterpriseDataUses(RequestPostProcessor who, String uscc) throws Exception {
		return mvc.perform(get("/api/v1/exchange/my-data-uses").param("enterprise", uscc).with(who));
	}

	static RequestPostProcessor citizen(String subject) {
		return IdentityStub.caller(subject, "user-token-" + subject, "citizen");
	}

	@Test
	void citizensSeeOnlyTheirOwnRecordsFromTheNumberIdentityServiceResolved(CapturedOutput output) throws Exception {
		int before = identity.resolutionSubjects().size();
		myDataUses(citizen(WANGWU_SUB)).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[*].purpose").value(everyItem(is("purpose-wangwu"))))
			.andExpect(jsonPath("$.items[0].departmentName").value("卫生健康委员会"))
			.andExpect(jsonPath("$.items[0].providerDepartmentName").value("公安局"));
		myDataUses(citizen(LISI_SUB)).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].purpose").value("purpose-lisi"));
		// asked about exactly these subjects, with the exchange's own service token (not the citizen's)
		List<String> asked = identity.resolutionSubjects().subList(before, identity.resolutionSubjects().size());
		assertThat(asked).containsExactly(WANGWU_SUB, LISI_SUB);
		assertThat(identity.resolutionAuthorizations()).allMatch(a -> a.equals("Bearer " + identity.serviceToken()));

		// within the cache time the number is reused; past it identity-service is asked again
		myDataUses(citizen(WANGWU_SUB)).andExpect(jsonPath("$.total").value(2));
		assertThat(identity.resolutionSubjects().stream().filter(WANGWU_SUB::equals)).hasSize(1);
		clock.advance(Duration.ofMinutes(3));
		myDataUses(citizen(WANGWU_SUB)).andExpect(jsonPath("$.total").value(2));
		assertThat(identity.resolutionSubjects().stream().filter(WANGWU_SUB::equals)).hasSize(2);

		// pagination over the caller's own records only
		mvc.perform(get("/api/v1/exchange/my-data-uses?page=1&size=1").with(citizen(WANGWU_SUB)))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].purpose").value("purpose-wangwu"));

		// staff are not data subjects here
		myDataUses(TestJwts.officer("officer-wsjk", "WSJK")).andExpect(status().isForbidden());
		assertThat(output.getAll()).doesNotContain(DemoSubjects.WANGWU.value(), DemoSubjects.LISI.value())
			.contains(DemoSubjects.WANGWU.masked());
	}

	@Test
	void aPersonIdentityServiceDoesNotKnowHasNoRecordsWhateverTheTokenClaims() throws Exception {
		myDataUses(citizen("5d1c2a9e-7f3b-4c8a-9e01-00000000ffff")).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0))
			.andExpect(jsonPath("$.items").isEmpty());
		// a token claiming someone's number is not believed: tokens of this realm carry none
		myDataUses(SecurityMockMvcRequestPostProcessors.jwt()
			.jwt(jwt -> jwt.subject("5d1c2a9e-7f3b-4c8a-9e01-00000000fffe")
				.claim("preferred_username", "mallory")
				.claim("realm_access", Map.of("roles", List.of("citizen")))
				.claim("id_number", DemoSubjects.WANGWU.value()))
			.authorities(new SimpleGrantedAuthority("ROLE_citizen"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		// nor is a demo username any longer
		myDataUses(TestJwts.citizen("wangwu")).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
	}

	@Test
	void anEnterprisesRecordsOnlyForWhomIdentityServiceAllows() throws Exception {
		String catering = DemoSubjects.ZHANGSAN_CATERING.value();
		// the legal representative (a citizen), asked about with their own token relayed
		enterpriseDataUses(IdentityStub.caller(ZHANGSAN_SUB, "user-token-zhangsan", "citizen"), catering)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].applicationId").value("APP-2026-0700"))
			.andExpect(jsonPath("$.items[0].departmentName").value("政务服务中心"))
			.andExpect(jsonPath("$.items[0].providerDepartmentName").value("市场监督管理局"));
		assertThat(identity.checkAuthorizations()).last().isEqualTo("Bearer user-token-zhangsan");
		// an authorised enterprise agent; lower-case input is the same code
		enterpriseDataUses(IdentityStub.caller(AGENT_SUB, "user-token-agent", "enterprise-agent"),
				catering.toLowerCase())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1));
		// the agent's own records (as a person) are not the enterprise's
		myDataUses(IdentityStub.caller(AGENT_SUB, "user-token-agent", "enterprise-agent")).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));

		// someone identity-service refuses: 403, no records
		enterpriseDataUses(IdentityStub.caller(LISI_SUB, "user-token-lisi", "citizen"), catering)
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.items").doesNotExist());
		// another enterprise than the one they represent
		enterpriseDataUses(IdentityStub.caller(ZHANGSAN_SUB, "user-token-zhangsan", "citizen"),
				DemoSubjects.LISI_TECH.value())
			.andExpect(status().isForbidden());
		// a token identity-service does not accept for this agent (it answers 403): refused too
		enterpriseDataUses(IdentityStub.caller(ZHANGSAN_SUB, "someone-elses-token", "citizen"), catering)
			.andExpect(status().isForbidden());

		// a malformed code: 400 naming the parameter, identity-service not asked, the value not echoed
		int checks = identity.checks();
		String wrongCheck = catering.substring(0, 17) + (catering.charAt(17) == '0' ? '1' : '0');
		String body = enterpriseDataUses(IdentityStub.caller(ZHANGSAN_SUB, "user-token-zhangsan", "citizen"),
				wrongCheck)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("enterprise"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain(wrongCheck);
		enterpriseDataUses(IdentityStub.caller(ZHANGSAN_SUB, "user-token-zhangsan", "citizen"), "not-a-code")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("enterprise"));
		assertThat(identity.checks()).isEqualTo(checks);
	}

	@Test
	void identityServiceDownIsA503NeverSomeoneElsesData(CapturedOutput output) throws Exception {
		// nothing remembered from earlier tests
		clock.advance(Duration.ofMinutes(6));
		try {
			identity.mode(IdentityStub.Mode.ERROR);
			myDataUses(citizen(ZHANGSAN_SUB)).andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("identity-unavailable")))
				.andExpect(jsonPath("$.retryAfterSeconds").isNumber())
				.andExpect(header().exists("Retry-After"))
				.andExpect(jsonPath("$.items").doesNotExist());
			enterpriseDataUses(IdentityStub.caller(ZHANGSAN_SUB, "user-token-zhangsan", "citizen"),
					DemoSubjects.ZHANGSAN_CATERING.value())
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.items").doesNotExist());

			// slow: the caller is not kept waiting beyond the time limit
			identity.mode(IdentityStub.Mode.SLOW);
			myDataUses(citizen(ZHANGSAN_SUB)).andExpect(status().isServiceUnavailable());
			enterpriseDataUses(IdentityStub.caller(ZHANGSAN_SUB, "user-token-zhangsan", "citizen"),
					DemoSubjects.ZHANGSAN_CATERING.value())
				.andExpect(status().isServiceUnavailable());
			identity.mode(IdentityStub.Mode.OK);

			// no service token (the identity provider is down): no way to ask, 503 as well
			identity.tokenEndpointDown(true);
			serviceTokens.invalidate();
			myDataUses(citizen(ZHANGSAN_SUB)).andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("could not authenticate")));
		}
		finally {
			identity.mode(IdentityStub.Mode.OK);
			identity.tokenEndpointDown(false);
		}
		// back up: the caller's own records again (none for 张三 as a person)
		myDataUses(citizen(ZHANGSAN_SUB)).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
		assertThat(output.getAll()).doesNotContain(DemoSubjects.ZHANGSAN.value())
			.doesNotContain(DemoSubjects.ZHANGSAN_CATERING.value());
	}

}
