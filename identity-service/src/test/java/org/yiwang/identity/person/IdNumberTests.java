package org.yiwang.identity.person;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** 公民身份号码: every generated valid number passes, every single-character change is caught. */
class IdNumberTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	static final List<String> PROVINCES = List.copyOf(Regions.provinces());

	static Stream<Long> seeds() {
		return LongStream.range(0, 1000).boxed();
	}

	/** Province, four random digits, a birth date between 1900-01-01 and today, a sequence 001–999, check. */
	static String validIdNumber(Random random) {
		String province = PROVINCES.get(random.nextInt(PROVINCES.size()));
		StringBuilder rest = new StringBuilder();
		for (int i = 0; i < 4; i++) {
			rest.append(random.nextInt(10));
		}
		int days = random.nextInt((int) (TODAY.toEpochDay() - EARLIEST.toEpochDay()) + 1);
		LocalDate birth = EARLIEST.plusDays(days);
		String sequence = String.format("%03d", 1 + random.nextInt(999));
		String first17 = province + rest
				+ String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth()) + sequence;
		return first17 + IdNumber.checkCharacter(first17);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void generatedValidNumbersPass(long seed) {
		String number = validIdNumber(new Random(seed));
		assertThat(IdNumber.problem(number, TODAY)).as("seed %d: %s", seed, number).isNull();
		assertThat(IdNumber.of(number, TODAY).value()).as("seed %d", seed).isEqualTo(number);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void anySingleCharacterChangeFails(long seed) {
		Random random = new Random(seed);
		String number = validIdNumber(random);
		int position = random.nextInt(18);
		char digit = (char) ('0' + random.nextInt(10));
		boolean useX = random.nextBoolean();
		char replacement = useX ? 'X' : digit;
		if (number.charAt(position) == replacement) {
			// not a change: try the next replacement in 0–9, X instead, so every seed checks a real change
			replacement = replacement == 'X' ? '0' : (replacement == '9' ? 'X' : (char) (replacement + 1));
		}
		String changed = number.substring(0, position) + replacement + number.substring(position + 1);
		assertThat(IdNumber.isValid(changed, TODAY)).as("seed %d: %s", seed, changed).isFalse();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void birthDatesInTheFutureFail(long seed) {
		int daysAhead = 1 + new Random(seed).nextInt(3000);
		assertFutureBirthFails(daysAhead);
	}

	@Test
	void birthDatesInTheFutureFailAtTheBounds() {
		assertFutureBirthFails(1);
		assertFutureBirthFails(3000);
	}

	static void assertFutureBirthFails(int daysAhead) {
		LocalDate birth = TODAY.plusDays(daysAhead);
		String first17 = "440305" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
				birth.getDayOfMonth()) + "123";
		assertThat(IdNumber.problem(first17 + IdNumber.checkCharacter(first17), TODAY)).as("days ahead %d", daysAhead)
			.contains("birth date");
	}

	@Test
	void theStandardExampleIsValidAndMaskedWhenPrinted() {
		IdNumber number = IdNumber.of("11010519491231002x", TODAY);
		assertThat(number.value()).isEqualTo("11010519491231002X");
		assertThat(number.toString()).isEqualTo("1101**********002X").doesNotContain("19491231");
		assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
	}

	@Test
	void impossibleDatesAndUnknownProvincesFail() {
		String feb30 = "44030519900230123";
		assertThat(IdNumber.problem(feb30 + IdNumber.checkCharacter(feb30), TODAY)).contains("not a date");
		String province99 = "99030519900101123";
		assertThat(IdNumber.problem(province99 + IdNumber.checkCharacter(province99), TODAY)).contains("region");
		assertThatIllegalArgumentException().isThrownBy(() -> IdNumber.of("4403051990", TODAY))
			.withMessageNotContaining("4403051990");
	}

}
