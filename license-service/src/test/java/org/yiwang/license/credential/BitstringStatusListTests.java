package org.yiwang.license.credential;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The W3C bitstring encoding: GZIP, multibase base64url, index 0 is the left-most bit, 131,072 entries. */
class BitstringStatusListTests {

	@Property(tries = 50)
	void encodedListRoundTrips(@ForAll @Size(max = 20) Set<@IntRange(max = BitstringStatusList.SIZE - 1) Integer> set) {
		BitstringStatusList list = BitstringStatusList.empty();
		set.forEach(list::set);
		BitstringStatusList decoded = BitstringStatusList.decode(list.encode());
		assertThat(decoded.size()).isEqualTo(BitstringStatusList.SIZE);
		for (int probe : set) {
			assertThat(decoded.get(probe)).isTrue();
			if (probe + 1 < BitstringStatusList.SIZE && !set.contains(probe + 1)) {
				assertThat(decoded.get(probe + 1)).isFalse();
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
