package org.yiwang.identity.enterprise;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yiwang.identity.person.Regions;

import static org.assertj.core.api.Assertions.assertThat;

/** 统一社会信用代码: generated valid codes pass, every single-character change is caught. */
class UsccTests {

	static final List<Map.Entry<Character, Set<Character>>> TYPES = List.copyOf(Uscc.TYPES.entrySet());

	static final List<String> PROVINCES = List.copyOf(Regions.provinces());

	static final String REPLACEMENTS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	static Stream<Long> seeds() {
		return LongStream.range(0, 1000).boxed();
	}

	/** Authority and type, province and four digits, nine alphabet characters, check. */
	static String validCode(Random random) {
		Map.Entry<Character, Set<Character>> authority = TYPES.get(random.nextInt(TYPES.size()));
		List<Character> types = List.copyOf(authority.getValue());
		StringBuilder first17 = new StringBuilder().append(authority.getKey())
			.append(types.get(random.nextInt(types.size())))
			.append(PROVINCES.get(random.nextInt(PROVINCES.size())));
		for (int i = 0; i < 4; i++) {
			first17.append(random.nextInt(10));
		}
		for (int i = 0; i < 9; i++) {
			first17.append(Uscc.ALPHABET.charAt(random.nextInt(Uscc.ALPHABET.length())));
		}
		return first17 + String.valueOf(Uscc.checkCharacter(first17.toString()));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void generatedValidCodesPass(long seed) {
		String code = validCode(new Random(seed));
		assertThat(Uscc.problem(code)).as("seed %d: %s", seed, code).isNull();
		assertThat(Uscc.of(code).value()).as("seed %d", seed).isEqualTo(code);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void anySingleCharacterChangeFails(long seed) {
		Random random = new Random(seed);
		String code = validCode(random);
		int position = random.nextInt(18);
		int replacementIndex = random.nextInt(REPLACEMENTS.length());
		char replacement = REPLACEMENTS.charAt(replacementIndex);
		if (code.charAt(position) == replacement) {
			// not a change: take the next character, so every seed checks a real change
			replacement = REPLACEMENTS.charAt((replacementIndex + 1) % REPLACEMENTS.length());
		}
		String changed = code.substring(0, position) + replacement + code.substring(position + 1);
		assertThat(Uscc.isValid(changed)).as("seed %d: %s", seed, changed).isFalse();
	}

	@Test
	void publishedExamplesAreValid() {
		assertThat(Uscc.isValid("91350100M000100Y43")).isTrue();
		assertThat(Uscc.isValid("91440300MA5FXXXX0Q")).isFalse();
		assertThat(Uscc.problem("91350100M000100Y4I")).contains("except I, O, Z, S, V");
		assertThat(Uscc.problem("Z1350100M000100Y43")).isNotNull();
	}

}
