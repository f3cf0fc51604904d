package org.yiwang.catalog;

import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.fuzz.ServletFuzzTestSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Issue 12 part 4: every endpoint of catalog-service against the bad-input corpus, over real HTTP. */
class BadInputFuzzTest extends ServletFuzzTestSupport {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "catalog-fuzz-test");
	}

	@Override
	protected String service() {
		return "catalog-service";
	}

}
