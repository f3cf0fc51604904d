package org.yiwang.license;

import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.fuzz.ServletFuzzTestSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Issue 12 part 4: every endpoint of license-service against the bad-input corpus, over real HTTP. */
class BadInputFuzzTest extends ServletFuzzTestSupport {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "license-fuzz-test");
		registry.add("platform.license.keys-dir", () -> "target/test-license-keys/fuzz");
		registry.add("platform.license.reminders.cron", () -> "-");
		registry.add("platform.license.identity.timeout", () -> "1s");
		IdentityStub.register(registry);
	}

	@Override
	protected String service() {
		return "license-service";
	}

}
