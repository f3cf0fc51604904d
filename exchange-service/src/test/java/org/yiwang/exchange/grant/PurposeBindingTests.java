package org.yiwang.exchange.grant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yiwang.exchange.purpose.PurposeCategory;
import org.yiwang.exchange.resource.DataResource;
import org.yiwang.exchange.resource.ResourceDefinition;
import org.yiwang.exchange.resource.Sensitivity;
import org.yiwang.exchange.resource.ServingMode;
import org.yiwang.exchange.resource.SharingType;
import org.yiwang.exchange.resource.SubjectType;
import org.yiwang.exchange.resource.UpdateFrequency;
import org.yiwang.shared.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A grant covers exactly the purpose categories granted — nothing before a decision, nothing it was not asked for. */
class PurposeBindingTests {

	static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

	static Stream<Long> seeds() {
		return LongStream.range(0, 200).boxed();
	}

	/** A random non-empty set of purpose categories. */
	static Set<PurposeCategory> nonEmptyCategories(Random random) {
		Set<PurposeCategory> categories = EnumSet.noneOf(PurposeCategory.class);
		while (categories.isEmpty()) {
			for (PurposeCategory category : PurposeCategory.values()) {
				if (random.nextBoolean()) {
					categories.add(category);
				}
			}
		}
		return categories;
	}

	static DataResource resource(SharingType sharing) {
		return DataResource.publish("SCJG-TEST", new ResourceDefinition("测试资源", "SCJG", SubjectType.ENTERPRISE, sharing,
				"《测试依据》", UpdateFrequency.DAILY, ServingMode.BASE_REGISTRY, null,
				List.of(new DataResource.Field("name", "企业名称", Sensitivity.LOW))), "test", NOW);
	}

	static Grant request(SharingType sharing, List<PurposeCategory> categories) {
		return Grant.request(resource(sharing), "WSJK", List.of("name"), categories, "核验", "《依据》", 30, "admin", NOW);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void anUnconditionalGrantCoversExactlyTheRequestedCategories(long seed) {
		Random random = new Random(seed);
		Set<PurposeCategory> requested = nonEmptyCategories(random);
		List<PurposeCategory> order = new ArrayList<>(requested);
		Collections.shuffle(order, random);
		Grant grant = request(SharingType.UNCONDITIONAL, order);
		assertThat(grant.isActiveAt(NOW)).as("seed %d: %s", seed, order).isTrue();
		for (PurposeCategory asked : PurposeCategory.values()) {
			assertThat(grant.covers(asked)).as("seed %d: %s asked %s", seed, order, asked)
				.isEqualTo(requested.contains(asked));
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aGrantAwaitingItsDecisionCoversNothing(long seed) {
		Random random = new Random(seed);
		Set<PurposeCategory> requested = nonEmptyCategories(random);
		List<PurposeCategory> order = new ArrayList<>(requested);
		Collections.shuffle(order, random);
		Grant grant = request(SharingType.CONDITIONAL, order);
		for (PurposeCategory asked : PurposeCategory.values()) {
			assertThat(grant.covers(asked)).as("seed %d: %s asked %s", seed, order, asked).isFalse();
		}
		assertThat(grant.getRequestedPurposeCategories()).as("seed %d", seed)
			.containsExactlyInAnyOrderElementsOf(requested);
	}

	@Test
	void aRequestWithoutCategoriesIsRejectedNamingTheField() {
		for (List<PurposeCategory> none : new List[] { null, List.of() }) {
			assertThatThrownBy(() -> request(SharingType.CONDITIONAL, none)).isInstanceOf(InvalidRequestException.class)
				.extracting("field")
				.isEqualTo("purposeCategories");
		}
	}

	@Test
	void onlyLicensingNeedsAnApplication() {
		for (PurposeCategory category : PurposeCategory.values()) {
			assertThat(category.requiresApplication()).isEqualTo(category == PurposeCategory.ADMINISTRATIVE_LICENSING);
			assertThat(category.label()).isNotBlank();
		}
	}

}
