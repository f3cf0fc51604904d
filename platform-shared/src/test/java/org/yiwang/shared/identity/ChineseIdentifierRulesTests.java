package org.yiwang.shared.identity;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared GB 11643 and GB 32100 rules: published examples pass, every single-character change is caught. */
class ChineseIdentifierRulesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	static final String ID_EXAMPLE = "11010519491231002X";

	static final String USCC_EXAMPLE = "91350100M000100Y43";

	@Test
	void publishedExamplesAreValid() {
		assertThat(IdNumbers.problem(ID_EXAMPLE, TODAY)).isNull();
		assertThat(IdNumbers.problem("11010519491231002x", TODAY)).isNull();
		assertThat(Usccs.problem(USCC_EXAMPLE)).isNull();
	}

	@Test
	void letterCaseFollowsOneRuleAcceptEitherStoreUpperCase() {
		assertThat(Usccs.problem(USCC_EXAMPLE.toLowerCase())).isNull();
		assertThat(Usccs.normalise(USCC_EXAMPLE.toLowerCase())).isEqualTo(USCC_EXAMPLE);
		assertThat(IdNumbers.normalise("11010519491231002x")).isEqualTo(ID_EXAMPLE);
		// a wrong check character stays wrong in either case
		assertThat(Usccs.problem("91350100m000100y44")).isNotNull();
	}

	@Test
	void everySingleCharacterChangeOfAnIdNumberIsCaught() {
		for (int i = 0; i < 18; i++) {
			for (char c : "0123456789X".toCharArray()) {
				if (c == ID_EXAMPLE.charAt(i) || (i < 17 && c == 'X')) {
					continue;
				}
				String changed = ID_EXAMPLE.substring(0, i) + c + ID_EXAMPLE.substring(i + 1);
				assertThat(IdNumbers.problem(changed, TODAY)).as(changed).isNotNull();
			}
		}
	}

	@Test
	void everySingleCharacterChangeOfAUsccIsCaught() {
		for (int i = 0; i < 18; i++) {
			for (char c : Usccs.ALPHABET.toCharArray()) {
				if (c == USCC_EXAMPLE.charAt(i)) {
					continue;
				}
				String changed = USCC_EXAMPLE.substring(0, i) + c + USCC_EXAMPLE.substring(i + 1);
				assertThat(Usccs.problem(changed)).as(changed).isNotNull();
			}
		}
	}

	@Test
	void implausibleNumbersAreRefusedWithoutEchoingThem() {
		assertThat(IdNumbers.problem("990305199003071234", TODAY)).contains("region").doesNotContain("9903");
		assertThat(IdNumbers.problem(IdNumbers.normalise("44030520300307123") + "0", TODAY)).isNotNull();
		String sequence000 = "440305199003070001".substring(0, 14) + "000";
		assertThat(IdNumbers.problem(sequence000 + IdNumbers.checkCharacter(sequence000), TODAY)).contains("sequence");
		assertThat(IdNumbers.mask(ID_EXAMPLE)).isEqualTo("1101**********002X");
	}

}
