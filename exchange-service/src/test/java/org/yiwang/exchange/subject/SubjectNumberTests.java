package org.yiwang.exchange.subject;

import java.util.Random;

import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GB 11643 ID numbers and GB 32100 credit codes: every generated number passes, and any change of a single
 * character — to any other character — is caught (both check schemes detect all single substitutions).
 */
class SubjectNumberTests {

	@Property(tries = 500)
	void generatedIdNumbersAreValid(@ForAll long seed) {
		IdNumber number = SyntheticSubjects.idNumber(new Random(seed));
		assertThat(IdNumber.isValid(number.value())).isTrue();
	}

	@Property(tries = 2000)
	void anySingleCharacterChangeOfAnIdNumberFails(@ForAll long seed, @ForAll @IntRange(min = 0, max = 17) int position,
			@ForAll char replacement) {
		String valid = SyntheticSubjects.idNumber(new Random(seed)).value();
		Assume.that(valid.charAt(position) != replacement);
		String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);
		assertThat(IdNumber.isValid(changed)).as("changed at %d", position).isFalse();
	}

	@Property(tries = 2000)
	void anyDigitChangeOfAnIdNumberFails(@ForAll long seed, @ForAll @IntRange(min = 0, max = 17) int position,
			@ForAll @IntRange(min = 0, max = 10) int digit) {
		String valid = SyntheticSubjects.idNumber(new Random(seed)).value();
		char replacement = digit == 10 ? 'X' : (char) ('0' + digit);
		Assume.that(valid.charAt(position) != replacement);
		String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);
		assertThat(IdNumber.isValid(changed)).isFalse();
	}

	@Property(tries = 500)
	void generatedCreditCodesAreValid(@ForAll long seed) {
		assertThat(Uscc.isValid(SyntheticSubjects.uscc(new Random(seed)).value())).isTrue();
	}

	@Property(tries = 2000)
	void anySingleCharacterChangeOfACreditCodeFails(@ForAll long seed,
			@ForAll @IntRange(min = 0, max = 17) int position, @ForAll @IntRange(min = 0, max = 30) int index) {
		String valid = SyntheticSubjects.uscc(new Random(seed)).value();
		char replacement = Uscc.CHARSET.charAt(index);
		Assume.that(valid.charAt(position) != replacement);
		String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);
		assertThat(Uscc.isValid(changed)).isFalse();
	}

	@Property(tries = 1000)
	void anyCharacterOutsideTheAlphabetFails(@ForAll long seed, @ForAll @IntRange(min = 0, max = 17) int position,
			@ForAll char replacement) {
		String valid = SyntheticSubjects.uscc(new Random(seed)).value();
		Assume.that(valid.charAt(position) != replacement);
		String changed = valid.substring(0, position) + replacement + valid.substring(position + 1);
		assertThat(Uscc.isValid(changed)).isFalse();
	}

	@Example
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

	@Example
	void masksKeepOnlyTheEnds() {
		assertThat(Masking.mask("11010519491231002X")).isEqualTo("1101**********002X");
		assertThat(DemoSubjects.ZHANGSAN.toString()).isEqualTo(Masking.mask(DemoSubjects.ZHANGSAN.value()))
			.contains("**********");
	}

	@Example
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
