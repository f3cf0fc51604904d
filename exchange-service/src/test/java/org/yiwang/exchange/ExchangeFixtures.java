package org.yiwang.exchange;

import com.jayway.jsonpath.JsonPath;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yiwang.shared.testing.TestJwts;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Catalog entries and grants set up through the real API, as departments would. */
final class ExchangeFixtures {

	private ExchangeFixtures() {
	}

	static void publishProviderApi(MockMvc mvc, String code, String provider, String url) throws Exception {
		publishProviderApi(mvc, code, provider, url, "REAL_TIME", 0);
	}

	/** A provider API resource updated at {@code frequency} whose answers may be reused for {@code cacheTtl} s. */
	static void publishProviderApi(MockMvc mvc, String code, String provider, String url, String frequency,
			int cacheTtl) throws Exception {
		mvc.perform(post("/api/v1/exchange/resources").with(TestJwts.deptAdmin("admin-" + provider.toLowerCase(), provider))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"code":"%s","name":"医疗保险参保信息","providerDepartment":"%s","subjectType":"PERSON",
					 "sharingType":"CONDITIONAL","legalBasis":"《医疗保障基金使用监督管理条例》","updateFrequency":"%s",
					 "servingMode":"PROVIDER_API","providerBaseUrl":"%s","cacheTtl":%d,
					 "fields":[{"name":"idNumber","label":"公民身份号码","sensitivity":"HIGH"},
					           {"name":"insuredStatus","label":"参保状态","sensitivity":"MEDIUM"},
					           {"name":"accountBalance","label":"个人账户余额","sensitivity":"HIGH"},
					           {"name":"hospitalVisits","label":"就诊次数","sensitivity":"HIGH"}]}
					""".formatted(code, provider, frequency, url, cacheTtl))).andExpect(status().isCreated());
	}

	/** Purpose categories of the fixtures' grants unless a test names others. */
	static final String CATEGORIES = "\"ADMINISTRATIVE_LICENSING\",\"PUBLIC_SERVICE\"";

	/** The consumer's admin requests the fields; the provider's admin approves {@code approved} (all if null). */
	static String grant(MockMvc mvc, String resource, String provider, String consumer, String requested,
			String approved) throws Exception {
		return grant(mvc, resource, provider, consumer, requested, approved, CATEGORIES);
	}

	/** As above, for the given purpose categories (JSON strings, comma-separated). */
	static String grant(MockMvc mvc, String resource, String provider, String consumer, String requested,
			String approved, String categories) throws Exception {
		RequestPostProcessor consumerAdmin = TestJwts.deptAdmin("admin-" + consumer.toLowerCase(), consumer);
		String response = mvc.perform(post("/api/v1/exchange/grants").with(consumerAdmin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"resourceCode":"%s","fields":[%s],"purposeCategories":[%s],"purpose":"办理业务时核验申请人信息",
					 "legalBasis":"《优化营商环境条例》第三十七条","durationDays":365}
					""".formatted(resource, requested, categories)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(response, "$.id");
		if ("ACTIVE".equals(JsonPath.read(response, "$.status"))) {
			return id;
		}
		mvc.perform(post("/api/v1/exchange/grants/" + id + "/approval")
			.with(TestJwts.deptAdmin("admin-" + provider.toLowerCase(), provider))
			.contentType(MediaType.APPLICATION_JSON)
			.content(approved == null ? "{\"revision\":0}" : "{\"revision\":0,\"fields\":[" + approved + "]}"))
			.andExpect(status().isOk());
		return id;
	}

	static String query(String resource, String subject) {
		return """
				{"resourceCode":"%s","subject":"%s","purposeCategory":"ADMINISTRATIVE_LICENSING",
				 "purpose":"食品经营许可审查：核验申请人参保状态","applicationId":"APP-TEST-1"}
				""".formatted(resource, subject);
	}

}
