package org.yiwang.exchange;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yiwang.exchange.audit.DataAccessed;
import org.yiwang.exchange.subject.DemoSubjects;
import org.yiwang.exchange.subject.Masking;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Data access against the base registries held in the platform: grant enforcement and field filtering, purpose
 * binding, subject validation, the citizen's "who used my data" view and once-only prefill — every access
 * audited, and no plain ID number in the logs.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class DataAccessTests {

	static volatile boolean granted;

	/** identity-service (and the token endpoint) as the exchange sees it, for "who used my data". */
	static final IdentityStub identity;

	static {
		try {
			identity = new IdentityStub();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "exchange-access-test");
		registry.add("platform.peers.identity", identity::baseUrl);
		registry.add("platform.service-account.token-uri", identity::tokenUrl);
	}

	@AfterAll
	static void stopIdentity() {
		identity.close();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	org.yiwang.exchange.provider.DemoRegistryData registryData;

	@BeforeEach
	void grants() throws Exception {
		if (!granted) {
			// 卫健委 may read name and birth date (not the address) from the population registry
			ExchangeFixtures.grant(mvc, "GA-POPULATION", "GA", "WSJK", "\"name\",\"birthDate\",\"address\"",
					"\"name\",\"birthDate\"");
			// 政务服务中心 (application-service's department) for once-only prefill
			ExchangeFixtures.grant(mvc, "GA-POPULATION", "GA", "ZWFW", "\"name\",\"address\"", null);
			ExchangeFixtures.grant(mvc, "SCJG-LEGAL-PERSON", "SCJG", "ZWFW", "\"name\",\"legalRepresentative\"", null);
			granted = true;
		}
	}

	ResultActions query(RequestPostProcessor who, String resource, String subject, String purpose) throws Exception {
		return mvc.perform(post("/api/v1/exchange/queries").with(who)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"resourceCode":"%s","subject":"%s","purposeCategory":"ADMINISTRATIVE_LICENSING","purpose":"%s",
					 "applicationId":"APP-2026-0042"}
					""".formatted(resource, subject, purpose)));
	}

	static RequestPostProcessor officerWsjk() {
		return TestJwts.officer("officer-wsjk", "WSJK");
	}

	@Test
	void grantedFieldsOnlyAndEveryAccessAudited(CapturedOutput output) throws Exception {
		try (EventProbe probe = EventProbe.on(Topics.EXCHANGE)) {
			String body = query(officerWsjk(), "GA-POPULATION", DemoSubjects.ZHANGSAN.value(), "核验婚育情况")
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.data.name").value("张三"))
				.andExpect(jsonPath("$.data.birthDate").value("1990-03-07"))
				.andExpect(jsonPath("$.data.address").doesNotExist())
				.andExpect(jsonPath("$.data.idNumber").doesNotExist())
				.andExpect(jsonPath("$.providerDepartmentName").value("公安局"))
				.andExpect(jsonPath("$.subjectMasked").value(DemoSubjects.ZHANGSAN.masked()))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).doesNotContain(DemoSubjects.ZHANGSAN.value());
			Number seq = JsonPath.read(body, "$.accessRecordSeq");
			EventEnvelope accessed = probe.await(DataAccessed.TYPE, e -> e.aggregateId().equals(seq.toString()));
			assertThat(accessed.payload().get("result")).isEqualTo("GRANTED");
			assertThat(accessed.payload().get("fields")).asList().containsExactly("name", "birthDate");
			assertThat(accessed.payload().get("applicationId")).isEqualTo("APP-2026-0042");
			assertThat(accessed.payload().toString()).doesNotContain(DemoSubjects.ZHANGSAN.value());
		}
		assertThat(output.getAll()).doesNotContain(DemoSubjects.ZHANGSAN.value())
			.contains(Masking.mask(DemoSubjects.ZHANGSAN.value()));
	}

	@Test
	void withoutAnActiveGrantTheAnswerIs403WithTheReason() throws Exception {
		query(TestJwts.officer("officer-xfjy", "XFJY"), "GA-POPULATION", DemoSubjects.ZHANGSAN.value(), "消防检查")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no grant was requested")))
			.andExpect(jsonPath("$.errors[0].field").value("resourceCode"))
			.andExpect(jsonPath("$.data").doesNotExist());
		// the refusal is recorded too
		mvc.perform(get("/api/v1/exchange/access-records?department=XFJY").with(TestJwts.user("sup", null, "supervisor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].result").value("NO_GRANT"))
			.andExpect(jsonPath("$.items[0].subjectMasked").value(DemoSubjects.ZHANGSAN.masked()));
		// a citizen or a department admin without the officer role cannot query at all
		query(TestJwts.citizen("zhangsan"), "GA-POPULATION", DemoSubjects.ZHANGSAN.value(), "x")
			.andExpect(status().isForbidden());
	}

	@Test
	void everyAccessIsBoundToAPurpose() throws Exception {
		mvc.perform(post("/api/v1/exchange/queries").with(officerWsjk())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"resourceCode\":\"GA-POPULATION\",\"subject\":\"" + DemoSubjects.ZHANGSAN.value()
					+ "\",\"purposeCategory\":\"PUBLIC_SERVICE\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("purpose"));
		query(officerWsjk(), "GA-POPULATION", DemoSubjects.ZHANGSAN.value(), "  ").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("purpose"));
	}

	@Test
	void subjectsAreValidatedWithoutEchoingThem() throws Exception {
		String wrongCheck = DemoSubjects.ZHANGSAN.value().substring(0, 17)
				+ (DemoSubjects.ZHANGSAN.value().charAt(17) == '1' ? '2' : '1');
		String body = query(officerWsjk(), "GA-POPULATION", wrongCheck, "核验身份").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("subject"))
			.andExpect(jsonPath("$.errors[0].rule").value("the check character of the ID number is wrong"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain(wrongCheck);
		// a credit code is not a person
		query(officerWsjk(), "GA-POPULATION", DemoSubjects.LISI_TECH.value(), "核验身份").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("subject"));
		// valid, but nobody the registry knows
		query(officerWsjk(), "GA-POPULATION", "11010119800101001" + org.yiwang.exchange.subject.IdNumber.checkCharacter("11010119800101001"),
				"核验身份").andExpect(status().isNotFound());
	}

	/** A citizen whose login identity-service (the stub) resolves to the given ID number. */
	static RequestPostProcessor citizenResolvedTo(String subject, String idNumber) {
		identity.person(subject, subject, "测试用户", idNumber);
		return IdentityStub.caller(subject, "user-token-" + subject, "citizen");
	}

	@Test
	void citizensSeeWhoUsedTheirOwnDataOnly() throws Exception {
		query(officerWsjk(), "GA-POPULATION", DemoSubjects.WANGWU.value(), "purpose-wangwu").andExpect(status().isOk());
		query(officerWsjk(), "GA-POPULATION", DemoSubjects.WANGWU.value(), "purpose-wangwu").andExpect(status().isOk());
		query(officerWsjk(), "GA-POPULATION", DemoSubjects.LISI.value(), "purpose-lisi").andExpect(status().isOk());

		// the verified number identity-service resolves for the caller's login
		mvc.perform(get("/api/v1/exchange/my-data-uses").with(citizenResolvedTo("sub-wangwu", DemoSubjects.WANGWU.value())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].departmentName").value("卫生健康委员会"))
			.andExpect(jsonPath("$.items[0].providerDepartmentName").value("公安局"))
			.andExpect(jsonPath("$.items[0].fields.length()").value(2))
			.andExpect(jsonPath("$.items[0].applicationId").value("APP-2026-0042"))
			.andExpect(jsonPath("$.items[*].purpose").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("purpose-wangwu"))));
		mvc.perform(get("/api/v1/exchange/my-data-uses").with(citizenResolvedTo("sub-lisi", DemoSubjects.LISI.value())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].purpose").value("purpose-lisi"));
		// nobody bound to the login: no records (the demo username no longer maps to a number)
		mvc.perform(get("/api/v1/exchange/my-data-uses").with(TestJwts.citizen("lisi")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/exchange/my-data-uses").with(officerWsjk())).andExpect(status().isForbidden());
	}

	@Test
	void onceOnlyPrefillTellsWhatWasUsedAndFromWhom() throws Exception {
		RequestPostProcessor applicationService = TestJwts.user("service-account-application-service", "ZWFW",
				"dept-system");
		mvc.perform(post("/api/v1/exchange/prefill").with(applicationService)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"applicationId":"APP-2026-0099","subject":"%s",
					 "resourceCodes":["GA-POPULATION","RSJ-SOCIAL-INSURANCE","SCJG-LEGAL-PERSON"],
					 "purpose":"食品经营许可申请：免提交身份证明"}
					""".formatted(DemoSubjects.ZHAOLIU.value())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.applicationId").value("APP-2026-0099"))
			.andExpect(jsonPath("$.subjectMasked").value(DemoSubjects.ZHAOLIU.masked()))
			.andExpect(jsonPath("$.items[0].resourceCode").value("GA-POPULATION"))
			.andExpect(jsonPath("$.items[0].status").value("FILLED"))
			.andExpect(jsonPath("$.items[0].providerDepartmentName").value("公安局"))
			.andExpect(jsonPath("$.items[0].data.name").value("赵六"))
			.andExpect(jsonPath("$.items[0].data.address").value("北京市东城区东华门大街9号"))
			.andExpect(jsonPath("$.items[0].data.birthDate").doesNotExist())
			.andExpect(jsonPath("$.items[0].accessRecordSeq").isNumber())
			.andExpect(jsonPath("$.items[1].status").value("NO_GRANT"))
			.andExpect(jsonPath("$.items[1].data").isEmpty())
			.andExpect(jsonPath("$.items[2].status").value("SUBJECT_TYPE_MISMATCH"));
		// the applicant sees the use, with the application it was for
		mvc.perform(get("/api/v1/exchange/my-data-uses").with(citizenResolvedTo("sub-zhaoliu", DemoSubjects.ZHAOLIU.value())))
			.andExpect(jsonPath("$.items[?(@.result == 'GRANTED')].applicationId").value("APP-2026-0099"))
			.andExpect(jsonPath("$.items[?(@.result == 'GRANTED')].departmentName").value("政务服务中心"));

		// enterprise data for an enterprise applicant, from the unconditionally shared legal-person registry
		mvc.perform(post("/api/v1/exchange/prefill").with(applicationService)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"applicationId":"APP-2026-0100","subject":"%s","resourceCodes":["SCJG-LEGAL-PERSON"],
					 "purpose":"食品经营许可申请：免提交营业执照"}
					""".formatted(DemoSubjects.ZHANGSAN_CATERING.value())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].status").value("FILLED"))
			.andExpect(jsonPath("$.items[0].data.name").value("深圳市南山区张三餐饮管理有限公司"))
			.andExpect(jsonPath("$.items[0].data.legalRepresentative").value("张三"));
		// the enterprise's agent, authorised by it at identity-service, sees that use
		identity.userToken("agent-1", "user-token-agent-1")
			.authorise("agent-1", DemoSubjects.ZHANGSAN_CATERING.value(), "AUTHORIZATION");
		mvc.perform(get("/api/v1/exchange/my-data-uses")
			.param("enterprise", DemoSubjects.ZHANGSAN_CATERING.value())
			.with(IdentityStub.caller("agent-1", "user-token-agent-1", "enterprise-agent")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].applicationId").value("APP-2026-0100"))
			.andExpect(jsonPath("$.items[0].providerDepartmentName").value("市场监督管理局"));

		// a window clerk at intake may prefill (for the clerk's department), but not browse the exchange
		RequestPostProcessor clerk = TestJwts.user("clerk-window", "ZWFW", "window-clerk");
		mvc.perform(post("/api/v1/exchange/prefill").with(clerk)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"applicationId":"APP-2026-0101","subject":"%s","resourceCodes":["GA-POPULATION"],
					 "purpose":"窗口受理：免提交身份证明"}
					""".formatted(DemoSubjects.ZHAOLIU.value())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].status").value("FILLED"));
		mvc.perform(get("/api/v1/exchange/resources").with(clerk)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/exchange/prefill").with(TestJwts.citizen("zhaoliu"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isForbidden());

		mvc.perform(post("/api/v1/exchange/prefill").with(applicationService)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"applicationId\":\"APP-1\",\"subject\":\"" + DemoSubjects.ZHAOLIU.value()
					+ "\",\"resourceCodes\":[\"GA-POPULATION\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("purpose"));
		mvc.perform(post("/api/v1/exchange/prefill").with(applicationService)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"applicationId\":\"APP-1\",\"subject\":\"123456789012345670\",\"resourceCodes\":[\"GA-POPULATION\"],\"purpose\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("subject"));
	}

	static RequestPostProcessor platformService(String clientId, String department) {
		return SecurityMockMvcRequestPostProcessors.jwt()
			.jwt(jwt -> {
				jwt.subject("service-account-" + clientId)
					.claim("preferred_username", "service-account-" + clientId)
					.claim("azp", clientId)
					.claim("realm_access", java.util.Map.of("roles", List.of("platform-service")));
				if (department != null) {
					jwt.claim("department", department);
				}
			})
			.authorities(new SimpleGrantedAuthority("ROLE_platform-service"));
	}

	ResultActions prefill(RequestPostProcessor who, String applicationId) throws Exception {
		return mvc.perform(post("/api/v1/exchange/prefill").with(who)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"applicationId":"%s","subject":"%s","resourceCodes":["GA-POPULATION"],
					 "purpose":"食品经营许可申请：免提交身份证明"}
					""".formatted(applicationId, DemoSubjects.ZHAOLIU.value())));
	}

	@Test
	void applicationServicePrefillsAsItsOwnAllowListedClient() throws Exception {
		// application-service's service account (client svc-application, department claim ZWFW)
		prefill(platformService("svc-application", "ZWFW"), "APP-2026-0200").andExpect(status().isOk())
			.andExpect(jsonPath("$.consumerDepartment").value("ZWFW"))
			.andExpect(jsonPath("$.items[0].status").value("FILLED"))
			.andExpect(jsonPath("$.items[0].data.name").value("赵六"));
		mvc.perform(get("/api/v1/exchange/access-records?department=ZWFW").with(TestJwts.user("sup", null, "supervisor")))
			.andExpect(jsonPath("$.items[0].clientId").value("svc-application"))
			.andExpect(jsonPath("$.items[0].applicationId").value("APP-2026-0200"))
			.andExpect(jsonPath("$.items[0].channel").value("PREFILL"));
		// another platform service is not on the allow-list (exchange.prefill.clients)
		prefill(platformService("svc-license", "ZWFW"), "APP-2026-0201").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("svc-license")));
		// a service token without a department has no grants to act under
		prefill(platformService("svc-application", null), "APP-2026-0202").andExpect(status().isForbidden());
		// and a platform service may prefill, not query or browse
		query(platformService("svc-application", "ZWFW"), "GA-POPULATION", DemoSubjects.ZHAOLIU.value(), "核验身份")
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/exchange/resources").with(platformService("svc-application", "ZWFW")))
			.andExpect(status().isForbidden());
	}

	ResultActions queryFor(String category, String applicationId) throws Exception {
		return mvc.perform(post("/api/v1/exchange/queries").with(officerWsjk())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"resourceCode":"GA-POPULATION","subject":"%s","purposeCategory":%s,"purpose":"核验身份"%s}
					""".formatted(DemoSubjects.ZHANGSAN.value(), category == null ? "null" : "\"" + category + "\"",
					applicationId == null ? "" : ",\"applicationId\":\"" + applicationId + "\"")));
	}

	@Test
	void queriesAreBoundToThePurposeCategoriesOfTheGrant() throws Exception {
		// WSJK's grant covers ADMINISTRATIVE_LICENSING and PUBLIC_SERVICE (ExchangeFixtures.CATEGORIES)
		queryFor("PUBLIC_SERVICE", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.purposeCategory").value("PUBLIC_SERVICE"))
			.andExpect(jsonPath("$.data.name").value("张三"));
		try (EventProbe probe = EventProbe.on(Topics.EXCHANGE)) {
			String body = queryFor("SOCIAL_ASSISTANCE", null).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type").value("https://yiwang.dev/problems/purpose-mismatch"))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.matchesPattern(
						".*grant GR-[0-9a-f-]+ covers ADMINISTRATIVE_LICENSING \\(行政许可办理\\), PUBLIC_SERVICE \\(公共服务\\), "
								+ "not SOCIAL_ASSISTANCE \\(社会救助\\).*")))
				.andExpect(jsonPath("$.errors[0].field").value("purposeCategory"))
				.andExpect(jsonPath("$.data").doesNotExist())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).doesNotContain("张三");
			// audited as its own result, with the category stated
			EventEnvelope refused = probe.await(DataAccessed.TYPE,
					e -> "PURPOSE_MISMATCH".equals(e.payload().get("result"))
							&& "WSJK".equals(e.payload().get("consumerDepartment")));
			assertThat(refused.payload().get("purposeCategory")).isEqualTo("SOCIAL_ASSISTANCE");
			assertThat(refused.payload().get("fields")).asList().isEmpty();
		}
		mvc.perform(get("/api/v1/exchange/access-records?department=WSJK").with(TestJwts.user("sup", null, "supervisor")))
			.andExpect(jsonPath("$.items[0].result").value("PURPOSE_MISMATCH"))
			.andExpect(jsonPath("$.items[0].purposeCategory").value("SOCIAL_ASSISTANCE"))
			.andExpect(jsonPath("$.items[0].detail").value(org.hamcrest.Matchers.containsString("not SOCIAL_ASSISTANCE")))
			.andExpect(jsonPath("$.items[1].result").value("GRANTED"))
			.andExpect(jsonPath("$.items[1].purposeCategory").value("PUBLIC_SERVICE"));
		// the data subject sees the purpose in words
		mvc.perform(get("/api/v1/exchange/my-data-uses").with(citizenResolvedTo("sub-zhangsan", DemoSubjects.ZHANGSAN.value())))
			.andExpect(jsonPath("$.items[0].purposeCategoryLabel").value("社会救助"))
			.andExpect(jsonPath("$.items[0].result").value("PURPOSE_MISMATCH"));

		// a category is required, from the vocabulary; licensing names its application
		queryFor(null, "APP-1").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("purposeCategory"));
		queryFor("GOSSIP", "APP-1").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("purposeCategory"));
		queryFor("ADMINISTRATIVE_LICENSING", null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("applicationId"));
		queryFor("ADMINISTRATIVE_LICENSING", "APP-2026-0300").andExpect(status().isOk())
			.andExpect(jsonPath("$.applicationId").value("APP-2026-0300"));
		mvc.perform(get("/api/v1/exchange/purpose-categories").with(officerWsjk()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].code").value("ADMINISTRATIVE_LICENSING"))
			.andExpect(jsonPath("$[0].label").value("行政许可办理"));
	}

	@Test
	void prefillReadsForLicensingOnlyAndSaysWhenAGrantIsForOtherPurposes() throws Exception {
		// 政务服务中心 holds a grant on the property registry for social assistance only
		ExchangeFixtures.grant(mvc, "ZJJ-PROPERTY", "ZJJ", "ZWFW", "\"owner\"", null, "\"SOCIAL_ASSISTANCE\"");
		mvc.perform(post("/api/v1/exchange/prefill").with(platformService("svc-application", "ZWFW"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"applicationId":"APP-2026-0400","subject":"%s","resourceCodes":["ZJJ-PROPERTY","GA-POPULATION"],
					 "purpose":"食品经营许可申请：免提交房产证明"}
					""".formatted(DemoSubjects.ZHAOLIU.value())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.purposeCategory").value("ADMINISTRATIVE_LICENSING"))
			.andExpect(jsonPath("$.items[0].status").value("PURPOSE_MISMATCH"))
			.andExpect(jsonPath("$.items[0].detail").value(org.hamcrest.Matchers.containsString(
					"covers SOCIAL_ASSISTANCE (社会救助), not ADMINISTRATIVE_LICENSING (行政许可办理)")))
			.andExpect(jsonPath("$.items[0].data").isEmpty())
			.andExpect(jsonPath("$.items[1].status").value("FILLED"))
			.andExpect(jsonPath("$.items[1].cached").value(false));
		mvc.perform(get("/api/v1/exchange/access-records?department=ZWFW").with(TestJwts.user("sup", null, "supervisor")))
			.andExpect(jsonPath("$.items[0].purposeCategory").value("ADMINISTRATIVE_LICENSING"))
			.andExpect(jsonPath("$.items[0].applicationId").value("APP-2026-0400"))
			.andExpect(jsonPath("$.items[1].result").value("PURPOSE_MISMATCH"));
	}

	@Test
	void loadTestGeneratorFillsTheRegistryWithValidQueryablePeople() throws Exception {
		List<org.yiwang.exchange.subject.IdNumber> people = registryData.generate(40, 7L);
		assertThat(people).hasSize(40).doesNotHaveDuplicates()
			.allMatch(p -> org.yiwang.exchange.subject.IdNumber.isValid(p.value()));
		// the same seed gives the same people (repeatable load tests)
		assertThat(registryData.generate(3, 7L)).containsExactlyElementsOf(people.subList(0, 3));
		query(officerWsjk(), "GA-POPULATION", people.get(39).value(), "压力测试").andExpect(status().isOk())
			.andExpect(jsonPath("$.data.name").value("测试人员39"));
	}

}
