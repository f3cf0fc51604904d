package org.yiwang.exchange;

import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.fuzz.ServletFuzzTestSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Issue 12 part 4: every endpoint of exchange-service against the bad-input corpus, over real HTTP. */
class BadInputFuzzTest extends ServletFuzzTestSupport {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "exchange-fuzz-test");
	}

	@Override
	protected String service() {
		return "exchange-service";
	}

	/** identity-service does not run here: a valid request that needs it is a 503 problem (peer unavailable). */
	@Override
	protected Integer[] tolerated() {
		return new Integer[] { 503 };
	}

}
