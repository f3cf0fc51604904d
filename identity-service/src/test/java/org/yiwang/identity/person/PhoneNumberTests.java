package org.yiwang.identity.person;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumberTests {

	@Provide
	Arbitrary<String> mobiles() {
		return Arbitraries.integers()
			.between(3, 9)
			.flatMap(second -> Arbitraries.strings().numeric().ofLength(9).map(rest -> "1" + second + rest));
	}

	@Property
	void mainlandMobilesPassAndAreMasked(@ForAll("mobiles") String mobile) {
		PhoneNumber phone = PhoneNumber.of(mobile);
		assertThat(phone.value()).isEqualTo(mobile);
		assertThat(phone.toString()).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
		assertThat(PhoneNumber.of("+86" + mobile)).isEqualTo(phone);
	}

	@Property
	void wrongPrefixesAndLengthsFail(@ForAll("mobiles") String mobile, @ForAll @CharRange(from = '0', to = '2') char second,
			@ForAll @IntRange(min = 1, max = 10) int cut) {
		assertThat(PhoneNumber.isValid("1" + second + mobile.substring(2))).isFalse();
		assertThat(PhoneNumber.isValid(mobile.substring(cut))).isFalse();
		assertThat(PhoneNumber.isValid(mobile + "0")).isFalse();
		assertThat(PhoneNumber.isValid("2" + mobile.substring(1))).isFalse();
	}

	@Example
	void lettersFail() {
		assertThat(PhoneNumber.isValid("1381234567a")).isFalse();
		assertThat(PhoneNumber.isValid(null)).isFalse();
	}

}
