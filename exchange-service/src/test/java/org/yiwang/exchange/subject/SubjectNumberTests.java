package org.yiwang.exchange.subject;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GB 11643 ID numbers and GB 32100 credit codes: every generated number passes, and any change of a single
 * character — to any other character — is caught (both check schemes detect all single substitutions).
 */
class SubjectNumberTests {

	static Stream<Long> seeds() {
		return LongStream.range(0, 500).boxed();
	}

	/** A replacement for {@code original} drawn from any char, redrawn until it differs. */
	static char anyOtherChar(Random random, char original) {
		char replacement;
		do {
			replacement = (char) random.nextInt(Character.MAX_VALUE + 1);
		}
		while (replacement == original);
		return replacement;
	}

	static String replace(String valid, int position, char replacement) {
		return valid.substring(0, position) + replacement + valid.substring(position + 1);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void generatedIdNumbersAreValid(long seed) {
		IdNumber number = SyntheticSubjects.idNumber(new Random(seed));
		assertThat(IdNumber.isValid(number.value())).as("seed %d", seed).isTrue();
	}

	/** Every position of each generated number, each replaced by a random other char. */
	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void anySingleCharacterChangeOfAnIdNumberFails(long seed) {
		Random random = new Random(seed);
		String valid = SyntheticSubjects.idNumber(new Random(seed)).value();
		for (int position = 0; position < 18; position++) {
			char replacement = anyOtherChar(random, valid.charAt(position));
			assertThat(IdNumber.isValid(replace(valid, position, replacement)))
				.as("seed %d: changed at %d to U+%04X", seed, position, (int) replacement)
				.isFalse();
		}
	}

	/** Every position of each generated number, each replaced by every other digit and by X. */
	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void anyDigitChangeOfAnIdNumberFails(long seed) {
		String valid = SyntheticSubjects.idNumber(new Random(seed)).value();
		for (int position = 0; position < 18; position++) {
			for (int digit = 0; digit <= 10; digit++) {
				char replacement = digit == 10 ? 'X' : (char) ('0' + digit);
				if (valid.charAt(position) == replacement) {
					continue;
				}
				assertThat(IdNumber.isValid(replace(valid, position, replacement)))
					.as("seed %d: changed at %d to %c", seed, position, replacement)
					.isFalse();
			}
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void generatedCreditCodesAreValid(long seed) {
		assertThat(Uscc.isValid(SyntheticSubjects.uscc(new Random(seed)).value())).as("seed %d", seed).isTrue();
	}

	/** Every position of each generated code, each replaced by every other character of the alphabet. */
	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void anySingleCharacterChangeOfACreditCodeFails(long seed) {
		String valid = SyntheticSubjects.uscc(new Random(seed)).value();
		for (int position = 0; position < 18; position++) {
			for (int index = 0; index < Uscc.CHARSET.length(); index++) {
				char replacement = Uscc.CHARSET.charAt(index);
				if (valid.charAt(position) == replacement) {
					continue;
				}
				assertThat(Uscc.isValid(replace(valid, position, replacement)))
					.as("seed %d: changed at %d to %c", seed, position, replacement)
					.isFalse();
			}
		}
	}

	/** Every position of each generated code, each replaced by a random other char. */
	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void anyCharacterOutsideTheAlphabetFails(long seed) {
		Random random = new Random(seed);
		String valid = SyntheticSubjects.uscc(new Random(seed)).value();
		for (int position = 0; position < 18; position++) {
			char replacement = anyOtherChar(random, valid.charAt(position));
			assertThat(Uscc.isValid(replace(valid, position, replacement)))
				.as("seed %d: changed at %d to U+%04X", seed, position, (int) replacement)
				.isFalse();
		}
	}

	@Test
	void knownNumbers() {
		// the GB 11643 example number and a published credit code
		assertThat(IdNumber.isValid("11010519491231002X")).isTrue();
		assertThat(new IdNumber("11010519491231002x").value()).isEqualTo("11010519491231002X");
		assertThat(Uscc.isValid("91350100M000100Y43")).isTrue();
		assertThat(IdNumber.isValid("440305199002301234")).isFalse();
		assertThat(IdNumber.isValid("990305199003071234")).isFalse();
		assertThat(IdNumber.isValid(null)).isFalse();
		assertThatThrownBy(() -> new IdNumber("44030519900307123")).isInstanceOf(InvalidSubjectException.class)
			.hasMessageNotContaining("44030519900307123");
	}

	@Test
	void masksKeepOnlyTheEnds() {
		assertThat(Masking.mask("11010519491231002X")).isEqualTo("1101**********002X");
		assertThat(DemoSubjects.ZHANGSAN.toString()).isEqualTo(Masking.mask(DemoSubjects.ZHANGSAN.value()))
			.contains("**********");
	}

	@Test
	void demoNumbersAreTheDocumentedOnes() {
		// docs/exchange.md lists these for demos and manual tests
		assertThat(DemoSubjects.ZHANGSAN.value()).isEqualTo("440305199003071236");
		assertThat(DemoSubjects.LISI.value()).isEqualTo("440304198511212348");
		assertThat(DemoSubjects.WANGWU.value()).isEqualTo("440106197806153450");
		assertThat(DemoSubjects.ZHAOLIU.value()).isEqualTo("110101200101094565");
		assertThat(DemoSubjects.ZHANGSAN_CATERING.value()).isEqualTo("91440305MA5G8K2L7Y");
		assertThat(DemoSubjects.LISI_TECH.value()).isEqualTo("91440304MA5F3J9N17");
		assertThat(DemoSubjects.WANGWU_BUILDING.value()).isEqualTo("92440106MA9X4P7Q29");
	}

}
