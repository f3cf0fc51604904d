package org.yiwang.exchange.provider;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code Retry-After} of an unavailable provider: the configured default while the circuit is closed, and once it
 * is open the part of {@code waitInOpenState} still left — not the whole wait again.
 */
class RetryAfterTests {

	final ProviderResilience resilience = new ProviderResilience(new ProviderProperties(Duration.ofSeconds(1), 1,
			Duration.ofMillis(10), 50, Duration.ofSeconds(1), 100, 2, 2, Duration.ofSeconds(30), 1, 2,
			Duration.ofMillis(50), Duration.ofSeconds(5)), new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));

	@AfterEach
	void stop() {
		resilience.destroy();
	}

	long retryAfter() {
		return catchThrowableOfType(ProviderUnavailableException.class, () -> resilience.call("SWJ", () -> {
			throw new ProviderFailure("HTTP 500", null);
		})).retryAfterSeconds();
	}

	@Test
	void theDefaultWhileClosedThenWhatIsLeftOfTheOpenState() throws Exception {
		assertThat(retryAfter()).isEqualTo(5);
		assertThat(retryAfter()).isEqualTo(5);
		assertThat(resilience.state("SWJ").name()).isEqualTo("OPEN");
		Thread.sleep(1200);
		long left = retryAfter();
		assertThat(left).isLessThan(30).isGreaterThanOrEqualTo(20);
	}

}
