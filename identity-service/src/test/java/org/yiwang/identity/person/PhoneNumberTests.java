package org.yiwang.identity.person;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumberTests {

	static Stream<Long> seeds() {
		return LongStream.range(0, 1000).boxed();
	}

	/** A mainland mobile: "1", a second digit 3–9, then nine random digits. */
	static String mobile(Random random) {
		StringBuilder mobile = new StringBuilder("1").append(3 + random.nextInt(7));
		for (int i = 0; i < 9; i++) {
			mobile.append(random.nextInt(10));
		}
		return mobile.toString();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void mainlandMobilesPassAndAreMasked(long seed) {
		String mobile = mobile(new Random(seed));
		PhoneNumber phone = PhoneNumber.of(mobile);
		assertThat(phone.value()).as("seed %d: %s", seed, mobile).isEqualTo(mobile);
		assertThat(phone.toString()).as("seed %d: %s", seed, mobile)
			.isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
		assertThat(PhoneNumber.of("+86" + mobile)).as("seed %d: %s", seed, mobile).isEqualTo(phone);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void wrongPrefixesAndLengthsFail(long seed) {
		Random random = new Random(seed);
		String mobile = mobile(random);
		char second = (char) ('0' + random.nextInt(3));
		int cut = 1 + random.nextInt(10);
		assertThat(PhoneNumber.isValid("1" + second + mobile.substring(2))).as("seed %d: second %c", seed, second)
			.isFalse();
		assertThat(PhoneNumber.isValid(mobile.substring(cut))).as("seed %d: cut %d", seed, cut).isFalse();
		assertThat(PhoneNumber.isValid(mobile + "0")).as("seed %d: too long", seed).isFalse();
		assertThat(PhoneNumber.isValid("2" + mobile.substring(1))).as("seed %d: first digit 2", seed).isFalse();
	}

	@Test
	void lettersFail() {
		assertThat(PhoneNumber.isValid("1381234567a")).isFalse();
		assertThat(PhoneNumber.isValid(null)).isFalse();
	}

}
