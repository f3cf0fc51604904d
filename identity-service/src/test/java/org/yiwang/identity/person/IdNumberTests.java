package org.yiwang.identity.person;

import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** 公民身份号码: every generated valid number passes, every single-character change is caught. */
class IdNumberTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	@Provide
	Arbitrary<String> validIdNumbers() {
		Arbitrary<String> province = Arbitraries.of(List.copyOf(Regions.provinces()));
		Arbitrary<String> rest = Arbitraries.strings().numeric().ofLength(4);
		Arbitrary<LocalDate> birth = Arbitraries.integers()
			.between(0, (int) (TODAY.toEpochDay() - LocalDate.of(1900, 1, 1).toEpochDay()))
			.map(days -> LocalDate.of(1900, 1, 1).plusDays(days));
		Arbitrary<String> sequence = Arbitraries.integers().between(1, 999).map(n -> String.format("%03d", n));
		return Combinators.combine(province, rest, birth, sequence).as((p, r, b, s) -> {
			String first17 = p + r + String.format("%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth())
					+ s;
			return first17 + IdNumber.checkCharacter(first17);
		});
	}

	@Property
	void generatedValidNumbersPass(@ForAll("validIdNumbers") String number) {
		assertThat(IdNumber.problem(number, TODAY)).isNull();
		assertThat(IdNumber.of(number, TODAY).value()).isEqualTo(number);
	}

	@Property
	void anySingleCharacterChangeFails(@ForAll("validIdNumbers") String number, @ForAll @IntRange(min = 0, max = 17) int position,
			@ForAll @CharRange(from = '0', to = '9') char digit, @ForAll boolean useX) {
		char replacement = useX ? 'X' : digit;
		if (number.charAt(position) == replacement) {
			return;
		}
		String changed = number.substring(0, position) + replacement + number.substring(position + 1);
		assertThat(IdNumber.isValid(changed, TODAY)).as(changed).isFalse();
	}

	@Property
	void birthDatesInTheFutureFail(@ForAll @IntRange(min = 1, max = 3000) int daysAhead) {
		LocalDate birth = TODAY.plusDays(daysAhead);
		String first17 = "440305" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
				birth.getDayOfMonth()) + "123";
		assertThat(IdNumber.problem(first17 + IdNumber.checkCharacter(first17), TODAY)).contains("birth date");
	}

	@Example
	void theStandardExampleIsValidAndMaskedWhenPrinted() {
		IdNumber number = IdNumber.of("11010519491231002x", TODAY);
		assertThat(number.value()).isEqualTo("11010519491231002X");
		assertThat(number.toString()).isEqualTo("1101**********002X").doesNotContain("19491231");
		assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
	}

	@Example
	void impossibleDatesAndUnknownProvincesFail() {
		String feb30 = "44030519900230123";
		assertThat(IdNumber.problem(feb30 + IdNumber.checkCharacter(feb30), TODAY)).contains("not a date");
		String province99 = "99030519900101123";
		assertThat(IdNumber.problem(province99 + IdNumber.checkCharacter(province99), TODAY)).contains("region");
		assertThatIllegalArgumentException().isThrownBy(() -> IdNumber.of("4403051990", TODAY))
			.withMessageNotContaining("4403051990");
	}

}
