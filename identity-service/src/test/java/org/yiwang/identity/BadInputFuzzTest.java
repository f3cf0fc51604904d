package org.yiwang.identity;

import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.fuzz.ServletFuzzTestSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Issue 12 part 4: every endpoint of identity-service against the bad-input corpus, over real HTTP. */
class BadInputFuzzTest extends ServletFuzzTestSupport {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "identity-fuzz-test");
		registry.add("identity.keycloak.admin-url", org.yiwang.identity.testing.FakeKeycloak.get()::url);
		registry.add("identity.keycloak.client-secret", () -> "test-admin-secret");
		registry.add("identity.pii.key-dir", () -> java.nio.file.Path.of("target", "test-keys", "fuzz").toString());
	}

	@Override
	protected String service() {
		return "identity-service";
	}

}
