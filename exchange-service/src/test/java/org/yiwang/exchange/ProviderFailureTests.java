package org.yiwang.exchange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.exchange.provider.ProviderResilience;
import org.yiwang.exchange.subject.DemoSubjects;
import org.yiwang.shared.client.ServiceTokens;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A provider that fails, times out or is slow, against a real HTTP server on loopback: consumers get a 503
 * problem and no data, the circuit opens after enough failures (and stops calling the provider), lets trial
 * calls through after the wait (half-open) and closes when they succeed; its state is visible to operators and in
 * metrics. Each scenario uses its own provider department, so its own circuit.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProviderFailureTests {

	static ProviderStub stub;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "exchange-provider-failure-test");
		registry.add("exchange.providers.timeout", () -> "1s");
		registry.add("exchange.providers.retry-attempts", () -> "2");
		registry.add("exchange.providers.retry-wait", () -> "10ms");
		registry.add("exchange.providers.sliding-window-size", () -> "4");
		registry.add("exchange.providers.minimum-calls", () -> "4");
		registry.add("exchange.providers.failure-rate-threshold", () -> "50");
		registry.add("exchange.providers.slow-call-threshold", () -> "200ms");
		registry.add("exchange.providers.slow-call-rate-threshold", () -> "100");
		registry.add("exchange.providers.wait-in-open-state", () -> "1s");
		registry.add("exchange.providers.permitted-calls-in-half-open-state", () -> "2");
		registry.add("exchange.providers.max-concurrent-calls", () -> "2");
		registry.add("exchange.providers.max-wait-for-permit", () -> "50ms");
		registry.add("exchange.providers.retry-after", () -> "7s");
		registry.add("platform.service-account.token-uri", () -> stub.tokenUrl());
	}

	@BeforeAll
	static void startProvider() throws Exception {
		stub = new ProviderStub("""
				{"idNumber":"%s","insuredStatus":"正常参保","accountBalance":"12345.60","hospitalVisits":3}
				""".formatted(DemoSubjects.ZHANGSAN.value()));
	}

	@AfterAll
	static void stopProvider() {
		stub.close();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ProviderResilience resilience;

	@Autowired
	ServiceTokens serviceTokens;

	ResultActions query(String resource) throws Exception {
		return mvc.perform(post("/api/v1/exchange/queries").with(TestJwts.officer("officer-wsjk", "WSJK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(ExchangeFixtures.query(resource, DemoSubjects.ZHANGSAN.value())));
	}

	void setUp(String resource, String provider, String base) throws Exception {
		ExchangeFixtures.publishProviderApi(mvc, resource, provider, stub.url(base));
		ExchangeFixtures.grant(mvc, resource, provider, "WSJK", "\"insuredStatus\"", null);
	}

	ResultActions expectUnavailable(String resource, String detail) throws Exception {
		return query(resource).andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.type").value("https://yiwang.dev/problems/provider-unavailable"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(detail)))
			.andExpect(jsonPath("$.data").doesNotExist())
			.andExpect(header().exists("Retry-After"));
	}

	@Test
	void failingProviderOpensTheCircuitWhichClosesAgainAfterTheWait() throws Exception {
		setUp("SWJ-TAX-STATUS", "SWJ", "/swj");
		// the provider answers more than was granted; the consumer gets the granted field only
		query("SWJ-TAX-STATUS").andExpect(status().isOk())
			.andExpect(jsonPath("$.data.insuredStatus").value("正常参保"))
			.andExpect(jsonPath("$.data.accountBalance").doesNotExist())
			.andExpect(jsonPath("$.data.idNumber").doesNotExist())
			.andExpect(jsonPath("$.data.length()").value(1));
		assertThat(stub.bodies()).anyMatch(b -> b.contains("\"fields\":[\"insuredStatus\"]")
				&& b.contains("\"consumerDepartment\":\"WSJK\""));

		stub.mode("/swj", ProviderStub.Mode.ERROR);
		int before = stub.calls("/swj");
		// a failed provider: come back after the configured default (7 s here)
		expectUnavailable("SWJ-TAX-STATUS", "failed to answer").andExpect(header().string("Retry-After", "7"))
			.andExpect(jsonPath("$.retryAfterSeconds").value(7));
		// an idempotent read is retried once
		assertThat(stub.calls("/swj") - before).isEqualTo(2);
		// the next failure makes 3 of 4 calls failed: the circuit opens (this call's retry is already refused)
		expectUnavailable("SWJ-TAX-STATUS", "provider SWJ");
		assertThat(resilience.state("SWJ")).isEqualTo(CircuitBreaker.State.OPEN);

		// open: the provider is not called at all
		int whileOpen = stub.calls("/swj");
		// an open circuit: come back when it lets trial calls through (the rest of the 1 s wait)
		expectUnavailable("SWJ-TAX-STATUS", "circuit open").andExpect(header().string("Retry-After", "1"));
		assertThat(stub.calls("/swj")).isEqualTo(whileOpen);
		mvc.perform(get("/api/v1/exchange/providers").with(TestJwts.user("ops", null, "platform-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.provider == 'SWJ')].circuitState").value("OPEN"));
		mvc.perform(get("/actuator/metrics/resilience4j.circuitbreaker.state")
			.param("tag", "name:provider-SWJ", "state:open")
			.with(TestJwts.user("ops", null, "platform-admin")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.measurements[0].value").value(1.0));

		// the provider recovers; after the wait the circuit lets trial calls through (half-open), then closes
		stub.mode("/swj", ProviderStub.Mode.OK);
		await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
			query("SWJ-TAX-STATUS").andExpect(status().isOk()));
		assertThat(resilience.state("SWJ")).isEqualTo(CircuitBreaker.State.HALF_OPEN);
		query("SWJ-TAX-STATUS").andExpect(status().isOk()).andExpect(jsonPath("$.data.insuredStatus").value("正常参保"));
		assertThat(resilience.state("SWJ")).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void providerThatDoesNotAnswerInTimeIsCutOff() throws Exception {
		setUp("CSGL-PERMIT-STATUS", "CSGL", "/csgl");
		stub.slow("/csgl", 3000);
		expectUnavailable("CSGL-PERMIT-STATUS", "did not answer in time").andExpect(header().string("Retry-After", "7"));
		expectUnavailable("CSGL-PERMIT-STATUS", "did not answer in time");
		assertThat(resilience.state("CSGL")).isEqualTo(CircuitBreaker.State.OPEN);
		expectUnavailable("CSGL-PERMIT-STATUS", "circuit open");
	}

	@Test
	void slowProviderOpensTheCircuitEvenWhenItAnswers() throws Exception {
		setUp("STHJ-EMISSION-PERMIT", "STHJ", "/sthj");
		stub.slow("/sthj", 300);
		// slow (over 200 ms) but within the 1 s limit: answered, and counted as slow
		for (int i = 0; i < 4; i++) {
			query("STHJ-EMISSION-PERMIT").andExpect(status().isOk());
		}
		assertThat(resilience.state("STHJ")).isEqualTo(CircuitBreaker.State.OPEN);
		expectUnavailable("STHJ-EMISSION-PERMIT", "circuit open");
	}

	@Test
	void aBusyProviderIsProtectedByItsBulkhead() throws Exception {
		setUp("YBJ-MEDICAL-INSURANCE", "YBJ", "/ybj");
		stub.slow("/ybj", 700);
		ExecutorService consumers = Executors.newFixedThreadPool(4);
		List<Future<MvcResult>> results = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			results.add(consumers.submit(() -> query("YBJ-MEDICAL-INSURANCE").andReturn()));
		}
		List<String> details = new ArrayList<>();
		for (Future<MvcResult> result : results) {
			MvcResult done = result.get(30, TimeUnit.SECONDS);
			details.add(done.getResponse().getStatus() + " " + done.getResponse().getContentAsString());
		}
		consumers.shutdown();
		// two calls fit into the bulkhead (and answer, slowly); the others are turned away at once
		assertThat(details).filteredOn(d -> d.startsWith("200")).hasSize(2);
		assertThat(details).filteredOn(d -> d.startsWith("503") && d.contains("is busy")).hasSize(2)
			.allMatch(d -> d.contains("\"retryAfterSeconds\":7"));
		// and another provider is not affected
		assertThat(resilience.state("YBJ")).as(resilience.status().toString()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void providerCallsCarryTheExchangesOwnBearerToken() throws Exception {
		setUp("ZJJ-CONSTRUCTION-PERMIT", "ZJJ", "/zjj");
		int before = stub.authorizations().size();
		query("ZJJ-CONSTRUCTION-PERMIT").andExpect(status().isOk())
			.andExpect(jsonPath("$.data.insuredStatus").value("正常参保"));
		// the provider saw the token the (stub) identity provider issued to client svc-exchange — and nothing else
		assertThat(stub.authorizations().subList(before, stub.authorizations().size()))
			.isNotEmpty()
			.allMatch(("Bearer " + stub.token())::equals);
		assertThat(stub.unauthorized()).isZero();
		assertThat(stub.tokenRequests()).isNotEmpty()
			.allMatch(body -> body.contains("grant_type=client_credentials") && body.contains("client_id=svc-exchange"));
	}

	@Test
	void withoutAServiceTokenTheProviderIsUnavailableNotAServerError() throws Exception {
		setUp("XFJY-FIRE-INSPECTION", "XFJY", "/xfjy");
		int calls = stub.calls("/xfjy");
		serviceTokens.invalidate();
		stub.tokenEndpointDown(true);
		try {
			expectUnavailable("XFJY-FIRE-INSPECTION", "could not authenticate")
				.andExpect(header().string("Retry-After", "7"));
			// the provider was not asked, and its circuit does not suffer for the identity provider's outage
			assertThat(stub.calls("/xfjy")).isEqualTo(calls);
			assertThat(resilience.state("XFJY")).isEqualTo(CircuitBreaker.State.CLOSED);
		}
		finally {
			stub.tokenEndpointDown(false);
		}
		query("XFJY-FIRE-INSPECTION").andExpect(status().isOk());
	}

}
