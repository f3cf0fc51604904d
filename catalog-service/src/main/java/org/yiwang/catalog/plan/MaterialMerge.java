package org.yiwang.catalog.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yiwang.catalog.item.Material;
import org.yiwang.catalog.item.MaterialForm;
import org.yiwang.catalog.item.MaterialSource;

/**
 * Merges the materials of several items into ONE list: materials with the same merge key (same material type for
 * uploads, same e-licence type, same data resource) become one entry listing every item that needs it, with the
 * largest count and the strictest form (original before copy before electronic). Order of first appearance is
 * kept, so the result is deterministic. An e-licence one of the plan's own items issues is marked as produced
 * within the plan: the applicant does not have to bring it.
 */
public final class MaterialMerge {

	private MaterialMerge() {
	}

	/** A material needed by one item. */
	public record Need(String itemCode, String itemName, Material material) {
	}

	/** One entry of the merged list. */
	public record Merged(String key, String code, String name, MaterialSource source, MaterialForm form, int count,
			String licenseType, String dataResource, boolean producedInPlan, List<Need> neededBy) {

		/** Whether the applicant must upload (or bring) it: not from the wallet, a registry or the plan itself. */
		public boolean needsUpload() {
			return source == MaterialSource.UPLOAD;
		}

	}

	public static List<Merged> merge(List<Need> needs, Set<String> licenceTypesIssuedInPlan) {
		Map<String, List<Need>> byKey = new LinkedHashMap<>();
		for (Need need : needs) {
			byKey.computeIfAbsent(need.material().mergeKey(), k -> new ArrayList<>()).add(need);
		}
		List<Merged> merged = new ArrayList<>();
		byKey.forEach((key, group) -> {
			Material first = group.get(0).material();
			int count = group.stream().mapToInt(n -> n.material().count()).max().orElse(1);
			MaterialForm form = group.stream()
				.map(n -> n.material().form())
				.min(Enum::compareTo)
				.orElse(first.form());
			boolean produced = first.source() == MaterialSource.E_LICENSE
					&& licenceTypesIssuedInPlan.contains(first.licenseType());
			merged.add(new Merged(key, first.code(), first.name(), first.source(), form, count, first.licenseType(),
					first.dataResource(), produced, List.copyOf(group)));
		});
		return merged;
	}

}
