package org.yiwang.application;

import org.yiwang.shared.testing.TestInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context (one database, one set of Kafka consumers) for all integration test classes of the
 * module: two contexts in one JVM would share the consumer group on the shared broker and each consume half of
 * the other's events into its own database.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ServiceTestSupport {

	@DynamicPropertySource
	public static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "application-service-test");
		registry.add("platform.webhooks.poll-interval", () -> "100ms");
		registry.add("platform.webhooks.initial-backoff", () -> "50ms");
		registry.add("platform.webhooks.max-attempts", () -> "4");
	}

}
