package org.yiwang.exchange.resource;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.yiwang.shared.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A cache allowance is valid exactly when it is 0, or up to a day for a provider API whose data is not real-time;
 * every other value is refused naming {@code cacheTtl}.
 */
class CacheAllowanceTests {

	static ResourceDefinition definition(UpdateFrequency frequency, ServingMode mode, int cacheTtl) {
		return new ResourceDefinition("食品经营许可信息", "SCJG", SubjectType.ENTERPRISE, SharingType.CONDITIONAL,
				"《食品安全法》", frequency, mode, mode == ServingMode.PROVIDER_API ? "http://127.0.0.1:9/food" : null,
				List.of(new DataResource.Field("permitNumber", "许可证编号", Sensitivity.LOW)), cacheTtl);
	}

	@Property(tries = 500)
	void validExactlyWhenZeroOrBoundedForNonRealTimeProviderApis(@ForAll UpdateFrequency frequency,
			@ForAll ServingMode mode, @ForAll @IntRange(min = -10, max = 100_000) int cacheTtl) {
		boolean valid = cacheTtl == 0 || (cacheTtl > 0 && cacheTtl <= ResourceDefinition.MAX_CACHE_TTL
				&& frequency != UpdateFrequency.REAL_TIME && mode == ServingMode.PROVIDER_API);
		if (valid) {
			assertThat(definition(frequency, mode, cacheTtl).cacheTtl()).isEqualTo(cacheTtl);
		}
		else {
			assertThatThrownBy(() -> definition(frequency, mode, cacheTtl)).isInstanceOf(InvalidRequestException.class)
				.extracting("field")
				.isEqualTo("cacheTtl");
		}
	}

}
