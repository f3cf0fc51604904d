package org.yiwang.bench.seed;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusIndexPoolTest {

	@Test
	void drawsDistinctFreePositionsPerIssuer() {
		StatusIndexPool pool = new StatusIndexPool(42);
		pool.taken("SCJG", 7);
		Set<Integer> drawn = new HashSet<>();
		for (int i = 0; i < 20_000; i++) {
			int index = pool.draw("SCJG");
			assertThat(index).isBetween(0, StatusIndexPool.SIZE - 1).isNotEqualTo(7);
			assertThat(drawn.add(index)).isTrue();
		}
		assertThat(pool.free("SCJG")).isEqualTo(StatusIndexPool.SIZE - 20_001);
		assertThat(pool.free("WSJK")).isEqualTo(StatusIndexPool.SIZE);
	}

	@Test
	void fillsTheListToTheLastPositionThenRefuses() {
		StatusIndexPool pool = new StatusIndexPool(1);
		for (int i = 0; i < StatusIndexPool.SIZE - 3; i++) {
			pool.taken("XFJY", i);
		}
		Set<Integer> last = new HashSet<>();
		for (int i = 0; i < 3; i++) {
			last.add(pool.draw("XFJY"));
		}
		assertThat(last).containsExactlyInAnyOrder(StatusIndexPool.SIZE - 3, StatusIndexPool.SIZE - 2,
				StatusIndexPool.SIZE - 1);
		assertThatThrownBy(() -> pool.draw("XFJY")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("XFJY");
	}

}
