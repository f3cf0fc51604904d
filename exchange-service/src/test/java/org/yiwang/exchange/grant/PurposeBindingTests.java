package org.yiwang.exchange.grant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
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

	static DataResource resource(SharingType sharing) {
		return DataResource.publish("SCJG-TEST", new ResourceDefinition("测试资源", "SCJG", SubjectType.ENTERPRISE, sharing,
				"《测试依据》", UpdateFrequency.DAILY, ServingMode.BASE_REGISTRY, null,
				List.of(new DataResource.Field("name", "企业名称", Sensitivity.LOW))), "test", NOW);
	}

	static Grant request(SharingType sharing, List<PurposeCategory> categories) {
		return Grant.request(resource(sharing), "WSJK", List.of("name"), categories, "核验", "《依据》", 30, "admin", NOW);
	}

	@Property
	void anUnconditionalGrantCoversExactlyTheRequestedCategories(
			@ForAll @Size(min = 1) Set<PurposeCategory> requested, @ForAll PurposeCategory asked) {
		Grant grant = request(SharingType.UNCONDITIONAL, new ArrayList<>(requested));
		assertThat(grant.isActiveAt(NOW)).isTrue();
		assertThat(grant.covers(asked)).isEqualTo(requested.contains(asked));
	}

	@Property
	void aGrantAwaitingItsDecisionCoversNothing(@ForAll @Size(min = 1) Set<PurposeCategory> requested,
			@ForAll PurposeCategory asked) {
		Grant grant = request(SharingType.CONDITIONAL, new ArrayList<>(requested));
		assertThat(grant.covers(asked)).isFalse();
		assertThat(grant.getRequestedPurposeCategories()).containsExactlyInAnyOrderElementsOf(requested);
	}

	@Example
	void aRequestWithoutCategoriesIsRejectedNamingTheField() {
		for (List<PurposeCategory> none : new List[] { null, List.of() }) {
			assertThatThrownBy(() -> request(SharingType.CONDITIONAL, none)).isInstanceOf(InvalidRequestException.class)
				.extracting("field")
				.isEqualTo("purposeCategories");
		}
	}

	@Example
	void onlyLicensingNeedsAnApplication() {
		for (PurposeCategory category : PurposeCategory.values()) {
			assertThat(category.requiresApplication()).isEqualTo(category == PurposeCategory.ADMINISTRATIVE_LICENSING);
			assertThat(category.label()).isNotBlank();
		}
	}

}
