package org.yiwang.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

	@Test
	void quickPicksSmokeCounts() {
		BenchOptions quick = BenchOptions.parse("--quick");

		assertThat(quick.quick()).isTrue();
		assertThat(quick.levels()).containsExactly(200L);
		assertThat(quick.applications()).isEqualTo(40);
		assertThat(quick.burst()).isEqualTo(100);
		assertThat(quick.burstWindow()).isEqualTo(Duration.ofSeconds(10));
		assertThat(quick.connections()).containsExactly(16, 64);
		assertThat(quick.platform()).isEqualTo(BenchOptions.PlatformMode.AUTO);
		assertThat(quick.platformWarmUp()).isZero();
	}

	@Test
	void fullRunDefaultsAndOverrides() {
		BenchOptions full = BenchOptions.parse("--levels", "1k,10k,100k", "--apps", "300", "--concurrency", "6",
				"--use-running", "--connections", "16,64,256");

		assertThat(full.quick()).isFalse();
		assertThat(full.levels()).containsExactly(1_000L, 10_000L, 100_000L);
		assertThat(full.applications()).isEqualTo(300);
		assertThat(full.concurrency()).isEqualTo(6);
		assertThat(full.connections()).containsExactly(16, 64, 256);
		assertThat(full.platform()).isEqualTo(BenchOptions.PlatformMode.RUNNING);
		assertThat(full.platformWarmUp()).isEqualTo(1000);
		assertThat(BenchOptions.parse("--platform-warm-up", "300").platformWarmUp()).isEqualTo(300);
		assertThat(BenchOptions.longs("1000, 2m")).isEqualTo(List.of(1000L, 2_000_000L));
	}

	@Test
	void refusesUnknownOptionsAndMissingValues() {
		assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessageContaining("--fast");
		assertThatThrownBy(() -> BenchOptions.parse("--apps")).hasMessageContaining("needs a value");
		assertThatThrownBy(() -> BenchOptions.parse("--apps", "0")).hasMessageContaining("at least 1");
	}

}
