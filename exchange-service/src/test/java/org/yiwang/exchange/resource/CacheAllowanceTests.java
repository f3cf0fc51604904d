package org.yiwang.exchange.resource;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yiwang.shared.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A cache allowance is valid exactly when it is 0, or up to a day for a provider API whose data is not real-time;
 * every other value is refused naming {@code cacheTtl}.
 */
class CacheAllowanceTests {

	static Stream<Long> seeds() {
		return LongStream.range(0, 500).boxed();
	}

	static ResourceDefinition definition(UpdateFrequency frequency, ServingMode mode, int cacheTtl) {
		return new ResourceDefinition("食品经营许可信息", "SCJG", SubjectType.ENTERPRISE, SharingType.CONDITIONAL,
				"《食品安全法》", frequency, mode, mode == ServingMode.PROVIDER_API ? "http://127.0.0.1:9/food" : null,
				List.of(new DataResource.Field("permitNumber", "许可证编号", Sensitivity.LOW)), cacheTtl);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void validExactlyWhenZeroOrBoundedForNonRealTimeProviderApis(long seed) {
		Random random = new Random(seed);
		UpdateFrequency frequency = UpdateFrequency.values()[random.nextInt(UpdateFrequency.values().length)];
		ServingMode mode = ServingMode.values()[random.nextInt(ServingMode.values().length)];
		int cacheTtl = -10 + random.nextInt(100_000 + 10 + 1);
		assertValidExactlyWhenAllowed(frequency, mode, cacheTtl);
	}

	/** The edges a uniform draw from -10..100000 would rarely hit, for every frequency and mode. */
	@Test
	void validExactlyWhenZeroOrBoundedAtTheEdges() {
		int[] edges = { -10, -1, 0, 1, ResourceDefinition.MAX_CACHE_TTL - 1, ResourceDefinition.MAX_CACHE_TTL,
				ResourceDefinition.MAX_CACHE_TTL + 1, 100_000 };
		for (UpdateFrequency frequency : UpdateFrequency.values()) {
			for (ServingMode mode : ServingMode.values()) {
				for (int cacheTtl : edges) {
					assertValidExactlyWhenAllowed(frequency, mode, cacheTtl);
				}
			}
		}
	}

	static void assertValidExactlyWhenAllowed(UpdateFrequency frequency, ServingMode mode, int cacheTtl) {
		String description = frequency + " " + mode + " cacheTtl " + cacheTtl;
		boolean valid = cacheTtl == 0 || (cacheTtl > 0 && cacheTtl <= ResourceDefinition.MAX_CACHE_TTL
				&& frequency != UpdateFrequency.REAL_TIME && mode == ServingMode.PROVIDER_API);
		if (valid) {
			assertThat(definition(frequency, mode, cacheTtl).cacheTtl()).as(description).isEqualTo(cacheTtl);
		}
		else {
			assertThatThrownBy(() -> definition(frequency, mode, cacheTtl)).as(description)
				.isInstanceOf(InvalidRequestException.class)
				.extracting("field")
				.isEqualTo("cacheTtl");
		}
	}

}
