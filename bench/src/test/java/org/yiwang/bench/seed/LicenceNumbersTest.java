package org.yiwang.bench.seed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LicenceNumbersTest {

	@Test
	void matchesNumbersLicenseServiceIssued() {
		// taken from a running platform's licences collection
		assertThat(LicenceNumbers.of("BUSINESS_LICENSE", "SCJG", 2026, 1)).isEqualTo("BUSINESS_LICENSE-SCJG-2026-000001-6");
		assertThat(LicenceNumbers.of("PUBLIC_HYGIENE", "WSJK", 2026, 1)).isEqualTo("PUBLIC_HYGIENE-WSJK-2026-000001-T");
		assertThat(LicenceNumbers.of("FIRE_SAFETY", "XFJY", 2026, 1)).isEqualTo("FIRE_SAFETY-XFJY-2026-000001-F");
	}

	@Test
	void everyNumberMadeIsValidAndATypoIsCaught() {
		for (long serial = 1; serial < 2_000; serial += 7) {
			String number = LicenceNumbers.of("FOOD_BUSINESS", "SCJG", 2025, serial);
			assertThat(LicenceNumbers.valid(number)).isTrue();
			assertThat(LicenceNumbers.valid(number.replace("2025", "2026"))).isFalse();
		}
		assertThat(LicenceNumbers.of("X", "Y", 2026, 1_234_567)).startsWith("X-Y-2026-1234567-");
	}

}
