package org.yiwang.catalog.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.yiwang.catalog.item.Material;
import org.yiwang.catalog.item.MaterialForm;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of merging the materials of a plan into one list. */
class MaterialMergePropertyTest {

	@Provide
	Arbitrary<List<MaterialMerge.Need>> needs() {
		Arbitrary<Material> upload = Combinators
			.combine(Arbitraries.of("ID_CARD", "LEASE", "PHOTO", "LAYOUT_PLAN"), Arbitraries.of(MaterialForm.values()),
					Arbitraries.integers().between(1, 3))
			.as((code, form, count) -> Material.upload(code, "材料" + code, form, count));
		Arbitrary<Material> licence = Arbitraries.of("BUSINESS_LICENSE", "BIRTH_CERTIFICATE")
			.map(type -> Material.eLicense("EL_" + type, "证照" + type, type));
		Arbitrary<Material> data = Arbitraries.of("GA-POPULATION", "ZJJ-PROPERTY", "RSJ-SOCIAL-INSURANCE")
			.map(resource -> Material.sharedData("D_" + resource.replace('-', '_'), "数据" + resource, resource));
		Arbitrary<Material> material = Arbitraries.oneOf(upload, licence, data);
		Arbitrary<MaterialMerge.Need> need = Combinators.combine(Arbitraries.of("I1", "I2", "I3", "I4", "I5"), material)
			.as((item, m) -> new MaterialMerge.Need(item, "事项" + item, m));
		return need.list().ofMaxSize(40);
	}

	@Property
	void mergedCountNeverExceedsNaiveCount(@ForAll("needs") List<MaterialMerge.Need> needs) {
		assertThat(MaterialMerge.merge(needs, Set.of()).size()).isLessThanOrEqualTo(needs.size());
	}

	@Property
	void everyNeedIsCoveredByExactlyOneMergedEntry(@ForAll("needs") List<MaterialMerge.Need> needs) {
		List<MaterialMerge.Merged> merged = MaterialMerge.merge(needs, Set.of());
		Map<MaterialMerge.Need, Integer> coverage = new IdentityHashMap<>();
		merged.forEach(m -> m.neededBy().forEach(n -> coverage.merge(n, 1, Integer::sum)));
		for (MaterialMerge.Need need : needs) {
			assertThat(coverage.get(need)).as("coverage of %s", need).isEqualTo(1);
		}
		assertThat(merged.stream().mapToInt(m -> m.neededBy().size()).sum()).isEqualTo(needs.size());
		merged.forEach(m -> assertThat(m.neededBy()).allMatch(n -> n.material().mergeKey().equals(m.key())));
	}

	@Property
	void entriesHaveDistinctKeysAndTheLargestCount(@ForAll("needs") List<MaterialMerge.Need> needs) {
		List<MaterialMerge.Merged> merged = MaterialMerge.merge(needs, Set.of());
		Set<String> keys = new HashSet<>();
		merged.forEach(m -> assertThat(keys.add(m.key())).isTrue());
		merged.forEach(m -> assertThat(m.count())
			.isEqualTo(m.neededBy().stream().mapToInt(n -> n.material().count()).max().orElseThrow()));
	}

	@Property
	void mergingIsIdempotent(@ForAll("needs") List<MaterialMerge.Need> needs) {
		List<MaterialMerge.Merged> once = MaterialMerge.merge(needs, Set.of());
		List<MaterialMerge.Need> representatives = new ArrayList<>();
		once.forEach(m -> representatives.add(m.neededBy().get(0)));
		List<MaterialMerge.Merged> twice = MaterialMerge.merge(representatives, Set.of());
		assertThat(twice.stream().map(MaterialMerge.Merged::key).toList())
			.isEqualTo(once.stream().map(MaterialMerge.Merged::key).toList());
		assertThat(MaterialMerge.merge(needs, Set.of())).isEqualTo(once);
	}

	@Property
	void mergeDoesNotDependOnWhichItemAsksFirstForTheSetOfKeys(@ForAll("needs") List<MaterialMerge.Need> needs) {
		List<MaterialMerge.Need> reversed = new ArrayList<>(needs);
		java.util.Collections.reverse(reversed);
		assertThat(MaterialMerge.merge(reversed, Set.of()).stream().map(MaterialMerge.Merged::key).sorted().toList())
			.isEqualTo(MaterialMerge.merge(needs, Set.of()).stream().map(MaterialMerge.Merged::key).sorted().toList());
	}

}
