package org.yiwang.shared.ids;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

	@Test
	void areVersion7WithTheRfcVariantAndCarryTheirMillisecond() {
		UUID id = TimeOrderedIds.uuid(1_764_000_000_123L);
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(1_764_000_000_123L);
		assertThat(UUID.fromString(id.toString())).isEqualTo(id);
	}

	@Test
	void sortAsTextInTheOrderOfTheirMillisecondsAndDoNotRepeat() {
		List<String> ids = new ArrayList<>();
		for (long ms = 1_700_000_000_000L; ms < 1_700_000_000_000L + 2_000; ms += 7) {
			ids.add(TimeOrderedIds.uuid(ms).toString());
		}
		assertThat(ids).isSorted();
		HashSet<UUID> many = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			many.add(TimeOrderedIds.uuid(42));
		}
		assertThat(many).hasSize(10_000);
	}

}
