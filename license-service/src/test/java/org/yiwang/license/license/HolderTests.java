package org.yiwang.license.license;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yiwang.shared.identity.IdNumbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The holder value object: valid identifiers only, and an ID number never shown in full outside the credential. */
class HolderTests {

	static final String[] REGIONS = { "440304", "110105", "310115" };

	static Stream<Long> seeds200() {
		return LongStream.range(0, 200).boxed();
	}

	static Stream<Long> seeds100() {
		return LongStream.range(0, 100).boxed();
	}

	/** A valid ID number: one of three regions, a fixed birth date, sequence 1..999 and its check character. */
	static String idNumber(long seed) {
		Random random = new Random(seed);
		int seq = 1 + random.nextInt(999);
		String region = REGIONS[random.nextInt(REGIONS.length)];
		String first17 = region + "19880214" + String.format("%03d", seq);
		return first17 + IdNumbers.checkCharacter(first17);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds200")
	void aPersonsIdNumberIsMaskedInEveryRenderingButTheIdentifier(long seed) {
		String idNumber = idNumber(seed);
		Holder holder = Holder.person("subject-1", "张三", idNumber);
		assertThat(holder.identifier()).as("seed %d", seed).isEqualTo(idNumber);
		assertThat(holder.identifierMasked()).as("seed %d", seed)
			.isEqualTo(IdNumbers.mask(idNumber))
			.doesNotContain(idNumber);
		assertThat(holder.toString()).as("seed %d", seed).doesNotContain(idNumber);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds100")
	void aWrongCheckCharacterIsRejectedWithoutEchoingTheNumber(long seed) {
		String idNumber = idNumber(seed);
		char wrong = idNumber.charAt(17) == '0' ? '1' : '0';
		String broken = idNumber.substring(0, 17) + wrong;
		assertThatThrownBy(() -> Holder.person("s", "张三", broken)).as("seed %d", seed)
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageNotContaining(broken);
	}

	@Test
	void enterprisesNeedAValidUsccAndKeepTheirAgent() {
		String first17 = "91440300MA5D1E2F3";
		String uscc = first17 + org.yiwang.shared.identity.Usccs.checkCharacter(first17);
		Holder holder = Holder.enterprise(uscc, "深圳市演示餐饮有限公司", "agent-1", "王经办");
		assertThat(holder.identifierMasked()).isEqualTo(uscc);
		assertThat(holder.agentSubject()).isEqualTo("agent-1");
		assertThat(holder.subject()).isEqualTo("agent-1");
		assertThatThrownBy(() -> Holder.enterprise("91440300MA5D1E2F30", "x", "a", "b"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anUnboundPersonIsFlaggedAndNamedBySubject() {
		Holder holder = Holder.unboundPerson("subject-9", "李四");
		assertThat(holder.identityBound()).isFalse();
		assertThat(holder.idType()).isEqualTo(Holder.IdType.PLATFORM_SUBJECT);
		assertThat(holder.identifier()).isEqualTo("subject-9");
	}

}
