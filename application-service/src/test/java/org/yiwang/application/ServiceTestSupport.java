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
		// deliveries are scheduled when created; the sweep (for deliveries scheduled in a context that has gone, as
		// after a replica stopped) runs every 5 s here
		registry.add("platform.webhooks.sweep-interval", () -> "5s");
		registry.add("platform.webhooks.initial-backoff", () -> "50ms");
		registry.add("platform.webhooks.max-attempts", () -> "4");
		// peers (token endpoint, identity, exchange, licences) are one local HTTP stub with the documented contracts
		String peers = org.yiwang.application.material.PeerStub.get().url();
		registry.add("platform.service-account.token-uri", () -> peers + "/token");
		registry.add("platform.service-account.client-secret", () -> "stub-secret");
		registry.add("platform.peers.identity", () -> peers);
		registry.add("platform.peers.exchange", () -> peers);
		registry.add("platform.peers.license", () -> peers);
		// attempts follow saves; the sweep for work left behind stays at its default (1 min), so the tests prove the first
		// path
		registry.add("platform.prefill.initial-backoff", () -> "200ms");
		registry.add("platform.prefill.max-attempts", () -> "4");
		registry.add("application.peers.minimum-calls", () -> "100");
		registry.add("application.peers.sliding-window-size", () -> "100");
	}

}
