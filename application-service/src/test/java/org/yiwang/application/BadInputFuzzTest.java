package org.yiwang.application;

import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.fuzz.ServletFuzzTestSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Issue 12 part 4: every endpoint of application-service against the bad-input corpus, over real HTTP. */
class BadInputFuzzTest extends ServletFuzzTestSupport {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		ServiceTestSupport.infrastructure(registry);
		registry.add("spring.mongodb.database", () -> "application-fuzz-test");
	}

	@Override
	protected String service() {
		return "application-service";
	}

}
