package org.yiwang.bench.seed;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticPersonsTest {

	@Test
	void idNumbersKeepTheSexAndCarryAValidCheckCharacterAndTheirBirthDate() {
		// 11010519491231002X is the standard's own example number
		assertThat(SyntheticPersons.valid("11010519491231002X")).isTrue();
		assertThat(SyntheticPersons.valid("110105194912310021")).isFalse();
		SplittableRandom random = new SplittableRandom(3);
		for (int i = 0; i < 1_000; i++) {
			String number = SyntheticPersons.idNumber("440304198511212348", random);
			assertThat(SyntheticPersons.valid(number)).as(number).isTrue();
			assertThat(number).startsWith("4403");
			assertThat((number.charAt(16) - '0') % 2).isZero();
			java.time.LocalDate born = java.time.LocalDate.parse(SyntheticPersons.birthDate(number));
			assertThat(born).isBetween(java.time.LocalDate.of(1960, 1, 1), java.time.LocalDate.of(2001, 1, 1));
		}
	}

	@Test
	void namesAreASurnameAndOneOrTwoGivenCharacters() {
		SplittableRandom random = new SplittableRandom(5);
		for (int i = 0; i < 200; i++) {
			assertThat(SyntheticPersons.name(random)).hasSizeBetween(2, 3);
		}
		assertThat(SyntheticPersons.masked("440304198511212348")).isEqualTo("4403**********2348");
		assertThat(SyntheticPersons.hash(random)).matches("[0-9a-f]{64}");
	}

}
