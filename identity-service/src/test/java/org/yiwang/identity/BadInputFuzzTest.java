package org.yiwang.identity;

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
 * Issue 12 part 4: every endpoint of identity-service against the bad-input corpus, over real HTTP. Kafka listeners stay
 * stopped, so this context takes no events from the module's other test contexts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.kafka.listener.auto-startup=false")
@Import(FuzzTokens.Servlet.class)
class BadInputFuzzTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "identity-fuzz-test");
		registry.add("identity.keycloak.admin-url", org.yiwang.identity.testing.FakeKeycloak.get()::url);
		registry.add("identity.keycloak.client-secret", () -> "test-admin-secret");
		registry.add("identity.pii.key-dir", () -> java.nio.file.Path.of("target", "test-keys", "fuzz").toString());
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
		assertThat(BadInputFuzzer.against(port, mappings, MongoDocumentCounts.of(mongo)).run("identity-service")).isEmpty();
	}

}
