package org.yiwang.identity.enterprise;

import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.yiwang.identity.person.Regions;

import static org.assertj.core.api.Assertions.assertThat;

/** 统一社会信用代码: generated valid codes pass, every single-character change is caught. */
class UsccTests {

	@Provide
	Arbitrary<String> validCodes() {
		Arbitrary<String> authorityAndType = Arbitraries.of(List.copyOf(Uscc.TYPES.entrySet()))
			.flatMap((Map.Entry<Character, java.util.Set<Character>> e) -> Arbitraries.of(List.copyOf(e.getValue()))
				.map(type -> "" + e.getKey() + type));
		Arbitrary<String> region = Combinators.combine(Arbitraries.of(List.copyOf(Regions.provinces())),
				Arbitraries.strings().numeric().ofLength(4))
			.as((p, r) -> p + r);
		Arbitrary<String> organisation = Arbitraries.strings()
			.withChars(Uscc.ALPHABET.toCharArray())
			.ofLength(9);
		return Combinators.combine(authorityAndType, region, organisation).as((a, r, o) -> {
			String first17 = a + r + o;
			return first17 + Uscc.checkCharacter(first17);
		});
	}

	@Property
	void generatedValidCodesPass(@ForAll("validCodes") String code) {
		assertThat(Uscc.problem(code)).isNull();
		assertThat(Uscc.of(code).value()).isEqualTo(code);
	}

	@Property
	void anySingleCharacterChangeFails(@ForAll("validCodes") String code, @ForAll @IntRange(min = 0, max = 17) int position,
			@ForAll @IntRange(min = 0, max = 35) int replacementIndex) {
		char replacement = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(replacementIndex);
		if (code.charAt(position) == replacement) {
			return;
		}
		String changed = code.substring(0, position) + replacement + code.substring(position + 1);
		assertThat(Uscc.isValid(changed)).as(changed).isFalse();
	}

	@Example
	void publishedExamplesAreValid() {
		assertThat(Uscc.isValid("91350100M000100Y43")).isTrue();
		assertThat(Uscc.isValid("91440300MA5FXXXX0Q")).isFalse();
		assertThat(Uscc.problem("91350100M000100Y4I")).contains("upper-case");
		assertThat(Uscc.problem("Z1350100M000100Y43")).isNotNull();
	}

}
