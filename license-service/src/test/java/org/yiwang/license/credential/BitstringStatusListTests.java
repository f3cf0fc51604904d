package org.yiwang.license.credential;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The W3C bitstring encoding: GZIP, multibase base64url, index 0 is the left-most bit, 131,072 entries. */
class BitstringStatusListTests {

	static Stream<Long> seeds() {
		return LongStream.range(0, 50).boxed();
	}

	/** Up to 20 distinct indexes in [0, SIZE), now and then the first or last index or an adjacent pair. */
	static Set<Integer> indexes(Random random) {
		int size = random.nextInt(21);
		Set<Integer> set = new HashSet<>();
		while (set.size() < size) {
			int pick = random.nextInt(8);
			if (pick == 0) {
				set.add(0);
			}
			else if (pick == 1) {
				set.add(BitstringStatusList.SIZE - 1);
			}
			else if (pick == 2 && !set.isEmpty() && set.size() + 1 < size) {
				int next = set.iterator().next() + 1;
				if (next < BitstringStatusList.SIZE) {
					set.add(next);
				}
			}
			else {
				set.add(random.nextInt(BitstringStatusList.SIZE));
			}
		}
		return set;
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void encodedListRoundTrips(long seed) {
		Set<Integer> set = indexes(new Random(seed));
		BitstringStatusList list = BitstringStatusList.empty();
		set.forEach(list::set);
		BitstringStatusList decoded = BitstringStatusList.decode(list.encode());
		assertThat(decoded.size()).as("seed %d", seed).isEqualTo(BitstringStatusList.SIZE);
		for (int probe : set) {
			assertThat(decoded.get(probe)).as("seed %d, index %d set", seed, probe).isTrue();
			if (probe + 1 < BitstringStatusList.SIZE && !set.contains(probe + 1)) {
				assertThat(decoded.get(probe + 1)).as("seed %d, index %d unset", seed, probe + 1).isFalse();
			}
		}
	}

	@Test
	void indexZeroIsTheMostSignificantBitOfTheFirstByte() throws Exception {
		String encoded = BitstringStatusList.empty().set(0).set(9).encode();
		assertThat(encoded).startsWith("u");
		byte[] raw = new GZIPInputStream(
				new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.substring(1)))).readAllBytes();
		assertThat(raw).hasSize(16_384);
		assertThat(raw[0] & 0xff).isEqualTo(0x80);
		assertThat(raw[1] & 0xff).isEqualTo(0x40);
		assertThat(encoded).doesNotContain("=", "+", "/");
	}

	@Test
	void rejectsWhatIsNotAnEncodedList() {
		assertThatThrownBy(() -> BitstringStatusList.decode("zABC")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> BitstringStatusList.decode("uAAAA")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> BitstringStatusList.empty().set(BitstringStatusList.SIZE))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
