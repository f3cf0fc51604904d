package org.yiwang.license;

import org.junit.jupiter.api.Test;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.fuzz.BadInputFuzzer;
import org.yiwang.shared.testing.fuzz.FuzzTokens;
import org.yiwang.shared.testing.fuzz.MongoDocumentCounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 part 4: every endpoint of license-service against the bad-input corpus, over real HTTP. Kafka listeners stay
 * stopped, so this context takes no events from the module's other test contexts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.kafka.listener.auto-startup=false")
@Import(FuzzTokens.Servlet.class)
class BadInputFuzzTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "license-fuzz-test");
		registry.add("platform.license.keys-dir", () -> "target/test-license-keys/fuzz");
		registry.add("platform.license.reminders.cron", () -> "-");
		registry.add("platform.license.identity.timeout", () -> "1s");
		IdentityStub.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	MongoTemplate mongo;

	@Test
	void noBadInputGetsA5xxOrAnythingButAProblem() {
		assertThat(BadInputFuzzer.against(port, mappings, MongoDocumentCounts.of(mongo)).run("license-service")).isEmpty();
	}

}
