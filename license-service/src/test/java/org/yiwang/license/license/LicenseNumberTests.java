package org.yiwang.license.license;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class LicenseNumberTests {

	@Test
	void formatsTypeIssuerYearSerialAndCheck() {
		String number = LicenseNumber.of("FOOD_BUSINESS", "SCJG", 2026, 42);
		assertThat(number).startsWith("FOOD_BUSINESS-SCJG-2026-000042-").hasSize("FOOD_BUSINESS-SCJG-2026-000042-".length() + 1);
		assertThat(LicenseNumber.isValid(number)).isTrue();
	}

	static Stream<Long> seeds() {
		return LongStream.range(0, 1000).boxed();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void everyIssuedNumberValidatesAndASingleChangedDigitIsCaught(long seed) {
		Random random = new Random(seed);
		long serial = 1 + random.nextInt(999_999);
		int year = 2000 + random.nextInt(100);
		int position = random.nextInt(6);
		String number = LicenseNumber.of("FIRE_SAFETY", "XFJY", year, serial);
		assertThat(LicenseNumber.isValid(number)).as("seed %d: %s", seed, number).isTrue();
		int index = number.length() - 3 - position; // a digit of the serial
		char original = number.charAt(index);
		char changed = original == '9' ? '0' : (char) (original + 1);
		String typo = number.substring(0, index) + changed + number.substring(index + 1);
		assertThat(LicenseNumber.isValid(typo)).as("seed %d: %s", seed, typo).isFalse();
	}

}
