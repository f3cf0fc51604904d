package org.yiwang.license.license;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LicenseNumberTests {

	@Test
	void formatsTypeIssuerYearSerialAndCheck() {
		String number = LicenseNumber.of("FOOD_BUSINESS", "SCJG", 2026, 42);
		assertThat(number).startsWith("FOOD_BUSINESS-SCJG-2026-000042-").hasSize("FOOD_BUSINESS-SCJG-2026-000042-".length() + 1);
		assertThat(LicenseNumber.isValid(number)).isTrue();
	}

	@Property
	void everyIssuedNumberValidatesAndASingleChangedDigitIsCaught(@ForAll @LongRange(min = 1, max = 999_999) long serial,
			@ForAll @IntRange(min = 2000, max = 2099) int year, @ForAll @IntRange(min = 0, max = 5) int position) {
		String number = LicenseNumber.of("FIRE_SAFETY", "XFJY", year, serial);
		assertThat(LicenseNumber.isValid(number)).isTrue();
		int index = number.length() - 3 - position; // a digit of the serial
		char original = number.charAt(index);
		char changed = original == '9' ? '0' : (char) (original + 1);
		String typo = number.substring(0, index) + changed + number.substring(index + 1);
		assertThat(LicenseNumber.isValid(typo)).isFalse();
	}

}
