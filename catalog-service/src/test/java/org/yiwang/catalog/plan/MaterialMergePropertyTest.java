package org.yiwang.catalog.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yiwang.catalog.item.Material;
import org.yiwang.catalog.item.MaterialForm;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of merging the materials of a plan into one list. */
class MaterialMergePropertyTest {

	static Stream<Long> seeds() {
		return LongStream.range(0, 200).boxed();
	}

	/**
	 * Up to 40 needs of five items, each an upload (four codes, any form, count 1 to 3), an e-licence (two types) or
	 * shared data (three resources), all drawn from {@code new Random(seed)}.
	 */
	static List<MaterialMerge.Need> needs(long seed) {
		Random random = new Random(seed);
		int size = random.nextInt(41);
		List<MaterialMerge.Need> needs = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			String item = pick(random, "I1", "I2", "I3", "I4", "I5");
			needs.add(new MaterialMerge.Need(item, "事项" + item, material(random)));
		}
		return needs;
	}

	static Material material(Random random) {
		return switch (random.nextInt(3)) {
			case 0 -> {
				String code = pick(random, "ID_CARD", "LEASE", "PHOTO", "LAYOUT_PLAN");
				MaterialForm form = pick(random, MaterialForm.values());
				yield Material.upload(code, "材料" + code, form, 1 + random.nextInt(3));
			}
			case 1 -> {
				String type = pick(random, "BUSINESS_LICENSE", "BIRTH_CERTIFICATE");
				yield Material.eLicense("EL_" + type, "证照" + type, type);
			}
			default -> {
				String resource = pick(random, "GA-POPULATION", "ZJJ-PROPERTY", "RSJ-SOCIAL-INSURANCE");
				yield Material.sharedData("D_" + resource.replace('-', '_'), "数据" + resource, resource);
			}
		};
	}

	@SafeVarargs
	static <T> T pick(Random random, T... values) {
		return values[random.nextInt(values.length)];
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void mergedCountNeverExceedsNaiveCount(long seed) {
		List<MaterialMerge.Need> needs = needs(seed);
		assertThat(MaterialMerge.merge(needs, Set.of()).size()).isLessThanOrEqualTo(needs.size());
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void everyNeedIsCoveredByExactlyOneMergedEntry(long seed) {
		List<MaterialMerge.Need> needs = needs(seed);
		List<MaterialMerge.Merged> merged = MaterialMerge.merge(needs, Set.of());
		Map<MaterialMerge.Need, Integer> coverage = new IdentityHashMap<>();
		merged.forEach(m -> m.neededBy().forEach(n -> coverage.merge(n, 1, Integer::sum)));
		for (MaterialMerge.Need need : needs) {
			assertThat(coverage.get(need)).as("coverage of %s", need).isEqualTo(1);
		}
		assertThat(merged.stream().mapToInt(m -> m.neededBy().size()).sum()).isEqualTo(needs.size());
		merged.forEach(m -> assertThat(m.neededBy()).allMatch(n -> n.material().mergeKey().equals(m.key())));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void entriesHaveDistinctKeysAndTheLargestCount(long seed) {
		List<MaterialMerge.Need> needs = needs(seed);
		List<MaterialMerge.Merged> merged = MaterialMerge.merge(needs, Set.of());
		Set<String> keys = new HashSet<>();
		merged.forEach(m -> assertThat(keys.add(m.key())).isTrue());
		merged.forEach(m -> assertThat(m.count())
			.isEqualTo(m.neededBy().stream().mapToInt(n -> n.material().count()).max().orElseThrow()));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void mergingIsIdempotent(long seed) {
		List<MaterialMerge.Need> needs = needs(seed);
		List<MaterialMerge.Merged> once = MaterialMerge.merge(needs, Set.of());
		List<MaterialMerge.Need> representatives = new ArrayList<>();
		once.forEach(m -> representatives.add(m.neededBy().get(0)));
		List<MaterialMerge.Merged> twice = MaterialMerge.merge(representatives, Set.of());
		assertThat(twice.stream().map(MaterialMerge.Merged::key).toList())
			.isEqualTo(once.stream().map(MaterialMerge.Merged::key).toList());
		assertThat(MaterialMerge.merge(needs, Set.of())).isEqualTo(once);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void mergeDoesNotDependOnWhichItemAsksFirstForTheSetOfKeys(long seed) {
		List<MaterialMerge.Need> needs = needs(seed);
		List<MaterialMerge.Need> reversed = new ArrayList<>(needs);
		java.util.Collections.reverse(reversed);
		assertThat(MaterialMerge.merge(reversed, Set.of()).stream().map(MaterialMerge.Merged::key).sorted().toList())
			.isEqualTo(MaterialMerge.merge(needs, Set.of()).stream().map(MaterialMerge.Merged::key).sorted().toList());
	}

}
