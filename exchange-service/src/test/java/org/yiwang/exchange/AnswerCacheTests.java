package org.yiwang.exchange;

import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.yiwang.exchange.access.AnswerCache;
import org.yiwang.exchange.subject.DemoSubjects;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Caching where the resource allows it, against a real provider API on loopback that counts its calls: a second
 * read within the resource's {@code cacheTtl} is answered from memory, but only for the same granted field set and
 * only after the grant and purpose checks, and it is audited like any other; past the TTL, for another subject or
 * another field set the provider is asked again; the cache is bounded. The e-licence library (real-time, never
 * cached) answers a list of licences that passes through the exchange whole.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(AnswerCacheTests.Clocks.class)
class AnswerCacheTests {

	static final ProviderStub stub;

	static {
		try {
			stub = new ProviderStub("""
					{"idNumber":"%s","insuredStatus":"正常参保","accountBalance":"12345.60","hospitalVisits":3}
					""".formatted(DemoSubjects.ZHANGSAN.value()));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "exchange-cache-test");
		registry.add("platform.service-account.token-uri", stub::tokenUrl);
		registry.add("exchange.license-library-url", () -> stub.url("/api/v1/licenses/library"));
		registry.add("exchange.cache.max-entries", () -> "3");
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
	static void stopProvider() {
		stub.close();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	AnswerCache cache;

	ResultActions query(RequestPostProcessor who, String resource, String subject, String category) throws Exception {
		return mvc.perform(post("/api/v1/exchange/queries").with(who)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"resourceCode":"%s","subject":"%s","purposeCategory":"%s","purpose":"核验参保状态",
					 "applicationId":"APP-2026-0500"}
					""".formatted(resource, subject, category)));
	}

	static RequestPostProcessor officer(String department) {
		return TestJwts.officer("officer-" + department.toLowerCase(), department);
	}

	@Test
	void anAllowedCacheSavesProviderCallsButEveryAccessIsStillCheckedAndAudited() throws Exception {
		ExchangeFixtures.publishProviderApi(mvc, "YBJ-INSURANCE-CACHED", "YBJ", stub.url("/ybj"), "DAILY", 600);
		String wsjkGrant = ExchangeFixtures.grant(mvc, "YBJ-INSURANCE-CACHED", "YBJ", "WSJK", "\"insuredStatus\"", null);
		ExchangeFixtures.grant(mvc, "YBJ-INSURANCE-CACHED", "YBJ", "XFJY", "\"insuredStatus\",\"hospitalVisits\"", null);
		String zhangsan = DemoSubjects.ZHANGSAN.value();

		query(officer("WSJK"), "YBJ-INSURANCE-CACHED", zhangsan, "ADMINISTRATIVE_LICENSING").andExpect(status().isOk())
			.andExpect(jsonPath("$.cached").value(false))
			.andExpect(jsonPath("$.data.insuredStatus").value("正常参保"));
		assertThat(stub.calls("/ybj")).isEqualTo(1);

		// within the TTL: answered from memory, the provider is not called, the access is recorded all the same
		query(officer("WSJK"), "YBJ-INSURANCE-CACHED", zhangsan, "ADMINISTRATIVE_LICENSING").andExpect(status().isOk())
			.andExpect(jsonPath("$.cached").value(true))
			.andExpect(jsonPath("$.fetchedAt").isNotEmpty())
			.andExpect(jsonPath("$.data.insuredStatus").value("正常参保"))
			.andExpect(jsonPath("$.data.hospitalVisits").doesNotExist())
			.andExpect(jsonPath("$.data.length()").value(1));
		assertThat(stub.calls("/ybj")).isEqualTo(1);
		mvc.perform(get("/api/v1/exchange/access-records?department=WSJK").with(TestJwts.user("sup", null, "supervisor")))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].result").value("GRANTED"))
			.andExpect(jsonPath("$.items[0].detail").value(org.hamcrest.Matchers.startsWith("served from cache")))
			.andExpect(jsonPath("$.items[1].detail").doesNotExist());

		// a department granted other fields never gets the cached answer: its own provider call
		query(officer("XFJY"), "YBJ-INSURANCE-CACHED", zhangsan, "PUBLIC_SERVICE").andExpect(status().isOk())
			.andExpect(jsonPath("$.cached").value(false))
			.andExpect(jsonPath("$.data.hospitalVisits").value(3));
		assertThat(stub.calls("/ybj")).isEqualTo(2);

		// the cache never bypasses purpose binding or the grant
		query(officer("WSJK"), "YBJ-INSURANCE-CACHED", zhangsan, "SUPERVISION_ENFORCEMENT")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.data").doesNotExist());
		mvc.perform(post("/api/v1/exchange/grants/" + wsjkGrant + "/revocation")
			.with(TestJwts.deptAdmin("admin-ybj", "YBJ"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"revision\":1,\"reason\":\"核验工作已结束\"}")).andExpect(status().isOk());
		query(officer("WSJK"), "YBJ-INSURANCE-CACHED", zhangsan, "ADMINISTRATIVE_LICENSING")
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("was revoked")))
			.andExpect(jsonPath("$.data").doesNotExist());
		assertThat(stub.calls("/ybj")).isEqualTo(2);

		// past the TTL the provider is asked again
		query(officer("XFJY"), "YBJ-INSURANCE-CACHED", zhangsan, "PUBLIC_SERVICE")
			.andExpect(jsonPath("$.cached").value(true));
		clock.advance(Duration.ofSeconds(601));
		query(officer("XFJY"), "YBJ-INSURANCE-CACHED", zhangsan, "PUBLIC_SERVICE").andExpect(status().isOk())
			.andExpect(jsonPath("$.cached").value(false));
		assertThat(stub.calls("/ybj")).isEqualTo(3);
		// and another subject is another entry
		query(officer("XFJY"), "YBJ-INSURANCE-CACHED", DemoSubjects.LISI.value(), "PUBLIC_SERVICE")
			.andExpect(jsonPath("$.cached").value(false));
		assertThat(stub.calls("/ybj")).isEqualTo(4);
	}

	@Test
	void theCacheIsBoundedLeastRecentlyUsedFirstOut() throws Exception {
		ExchangeFixtures.publishProviderApi(mvc, "RSJ-PENSION-CACHED", "RSJ", stub.url("/rsj"), "MONTHLY", 3600);
		ExchangeFixtures.grant(mvc, "RSJ-PENSION-CACHED", "RSJ", "CSGL", "\"insuredStatus\"", null);
		String[] subjects = { DemoSubjects.ZHANGSAN.value(), DemoSubjects.LISI.value(), DemoSubjects.WANGWU.value(),
				DemoSubjects.ZHAOLIU.value() };
		for (String subject : subjects) {
			query(officer("CSGL"), "RSJ-PENSION-CACHED", subject, "PUBLIC_SERVICE").andExpect(status().isOk())
				.andExpect(jsonPath("$.cached").value(false));
		}
		assertThat(stub.calls("/rsj")).isEqualTo(4);
		assertThat(cache.size()).isEqualTo(3);
		// the newest is still there; the oldest was pushed out by the fourth
		query(officer("CSGL"), "RSJ-PENSION-CACHED", subjects[3], "PUBLIC_SERVICE")
			.andExpect(jsonPath("$.cached").value(true));
		query(officer("CSGL"), "RSJ-PENSION-CACHED", subjects[0], "PUBLIC_SERVICE")
			.andExpect(jsonPath("$.cached").value(false));
		assertThat(stub.calls("/rsj")).isEqualTo(5);
	}

	@Test
	void theLicenceLibraryAnswersAListOfLicencesThatPassesThroughWhole() throws Exception {
		String base = "/api/v1/licenses/library";
		stub.answer(base, """
				{"licenses":[
				  {"licenseNumber":"JY14403050012345","licenseType":"FOOD_BUSINESS","licenseName":"食品经营许可证",
				   "issuerDepartment":"SCJG","status":"VALID","issuedOn":"2026-03-02","validUntil":"2031-03-01"},
				  {"licenseNumber":"GB44030520260007","licenseType":"PUBLIC_HEALTH","licenseName":"公共场所卫生许可证",
				   "issuerDepartment":"WSJK","status":"REVOKED","issuedOn":"2025-06-01","validUntil":"2029-05-31"}],
				 "validLicenseCount":1,"holderIdNumber":"%s"}
				""".formatted(DemoSubjects.ZHANGSAN.value()));
		ExchangeFixtures.grant(mvc, "LICENSE-LIBRARY", "ZWFW", "SCJG", "\"licenses\",\"validLicenseCount\"", null);
		String answer = query(officer("SCJG"), "LICENSE-LIBRARY", DemoSubjects.ZHANGSAN_CATERING.value(),
				"ADMINISTRATIVE_LICENSING")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.data.licenses.length()").value(2))
			.andExpect(jsonPath("$.data.licenses[0].licenseNumber").value("JY14403050012345"))
			.andExpect(jsonPath("$.data.licenses[0].licenseName").value("食品经营许可证"))
			.andExpect(jsonPath("$.data.licenses[0].issuerDepartment").value("SCJG"))
			.andExpect(jsonPath("$.data.licenses[0].validUntil").value("2031-03-01"))
			.andExpect(jsonPath("$.data.licenses[1].status").value("REVOKED"))
			.andExpect(jsonPath("$.data.validLicenseCount").value(1))
			.andExpect(jsonPath("$.data.holderIdNumber").doesNotExist())
			.andExpect(jsonPath("$.cached").value(false))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(answer).doesNotContain(DemoSubjects.ZHANGSAN.value());
		// license-service's provider API was called where it serves it, with the exchange's token
		assertThat(stub.calls(base)).isEqualTo(1);
		assertThat(stub.unauthorized()).isZero();
		assertThat(stub.bodies()).anyMatch(b -> b.contains("\"resourceCode\":\"LICENSE-LIBRARY\"")
				&& b.contains("\"fields\":[\"licenses\",\"validLicenseCount\"]")
				&& b.contains("\"purposeCategory\":\"ADMINISTRATIVE_LICENSING\"")
				&& b.contains("\"consumerDepartment\":\"SCJG\""));
		// real-time data: never from the cache
		query(officer("SCJG"), "LICENSE-LIBRARY", DemoSubjects.ZHANGSAN_CATERING.value(), "ADMINISTRATIVE_LICENSING")
			.andExpect(jsonPath("$.cached").value(false));
		assertThat(stub.calls(base)).isEqualTo(2);
		Number seq = JsonPath.read(answer, "$.accessRecordSeq");
		assertThat(seq.longValue()).isPositive();
	}

}
