package org.yiwang.catalog.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.yiwang.catalog.item.CatalogItem;
import org.yiwang.catalog.item.Fee;
import org.yiwang.catalog.item.ItemDefinition;
import org.yiwang.catalog.item.Material;
import org.yiwang.catalog.theme.OrderConstraint;
import org.yiwang.catalog.theme.ThemeDefinition;
import org.yiwang.shared.contracts.ThemePlan;

/**
 * Turns a published theme, the catalog's current item versions and an answer set into a {@link Plan}. Pure: no
 * I/O, so the arithmetic of the burden figures is unit-testable.
 */
public final class PlanCalculator {

	private PlanCalculator() {
	}

	public static Plan plan(String themeCode, int themeVersion, ThemeDefinition theme,
			Map<String, CatalogItem> catalog, Map<String, Object> rawAnswers) {
		ThemeDefinition.Selection selection = theme.select(theme.typedAnswers(rawAnswers));
		List<String> codes = selection.itemCodes();
		Map<String, ItemDefinition> defs = new HashMap<>();
		codes.forEach(c -> defs.put(c, catalog.get(c).definition()));

		List<Plan.Constraint> constraints = constraints(theme.order(), new HashSet<>(codes));
		Map<String, Integer> stageOf = stages(codes, constraints);

		List<MaterialMerge.Need> needs = new ArrayList<>();
		Set<String> issued = new HashSet<>();
		for (String code : codes) {
			ItemDefinition d = defs.get(code);
			if (d.licenseType() != null) {
				issued.add(d.licenseType());
			}
			for (Material m : d.materials()) {
				if (selection.requires(code, m)) {
					needs.add(new MaterialMerge.Need(code, d.name(), m));
				}
			}
		}
		// a licence issued by a LATER-or-parallel item cannot be used by an earlier one: only earlier stages count
		List<MaterialMerge.Merged> merged = MaterialMerge.merge(needs, Set.of());
		merged = merged.stream().map(m -> producedEarlier(m, codes, defs, stageOf)).toList();

		List<Plan.PlannedItem> planned = new ArrayList<>();
		Set<String> departments = new LinkedHashSet<>();
		for (String code : codes) {
			ItemDefinition d = defs.get(code);
			departments.add(d.departmentCode());
			planned.add(new Plan.PlannedItem(code, catalog.get(code).getItemVersion(), d.name(), d.departmentCode(),
					d.departmentName(), stageOf.get(code), d.promisedDays(), d.legalDays(), fees(d), d.visits(),
					d.onlineDepth(), d.licenseType(), d.licenseName()));
		}
		int stageCount = stageOf.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		List<Plan.Stage> stages = new ArrayList<>();
		for (int s = 1; s <= stageCount; s++) {
			final int stage = s;
			List<String> inStage = codes.stream().filter(c -> stageOf.get(c) == stage).toList();
			stages.add(new Plan.Stage(s, inStage,
					inStage.stream().mapToInt(c -> defs.get(c).promisedDays()).max().orElse(0)));
		}
		int promisedCritical = criticalPath(codes, constraints, c -> defs.get(c).promisedDays());
		int legalCritical = criticalPath(codes, constraints, c -> defs.get(c).legalDays());
		BigDecimal totalFees = planned.stream().map(Plan.PlannedItem::fees).reduce(BigDecimal.ZERO, BigDecimal::add);
		int visitsNaive = planned.stream().mapToInt(Plan.PlannedItem::visits).sum();
		int visitsBundled = planned.stream().mapToInt(Plan.PlannedItem::visits).max().orElse(0);
		Plan.Burden burden = new Plan.Burden(needs.size(), merged.size(),
				(int) merged.stream().filter(m -> m.needsUpload() && !m.producedInPlan()).count(), visitsNaive,
				visitsBundled, planned.stream().mapToInt(Plan.PlannedItem::promisedDays).sum(), promisedCritical,
				planned.stream().mapToInt(Plan.PlannedItem::legalDays).sum(), legalCritical, totalFees);
		return new Plan(themeCode, themeVersion, theme.name(), planned, List.copyOf(departments), constraints, stages,
				merged, promisedCritical, totalFees, visitsBundled, burden, selection.firedRules());
	}

	private static MaterialMerge.Merged producedEarlier(MaterialMerge.Merged m, List<String> codes,
			Map<String, ItemDefinition> defs, Map<String, Integer> stageOf) {
		if (m.licenseType() == null) {
			return m;
		}
		int firstNeed = m.neededBy().stream().mapToInt(n -> stageOf.get(n.itemCode())).min().orElse(0);
		boolean produced = codes.stream()
			.anyMatch(c -> m.licenseType().equals(defs.get(c).licenseType()) && stageOf.get(c) < firstNeed);
		return produced == m.producedInPlan() ? m
				: new MaterialMerge.Merged(m.key(), m.code(), m.name(), m.source(), m.form(), m.count(),
						m.licenseType(), m.dataResource(), produced, m.neededBy());
	}

	static BigDecimal fees(ItemDefinition d) {
		return d.fees().stream().map(Fee::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** The theme's constraints among applicable items, closed transitively through items that do not apply. */
	public static List<Plan.Constraint> constraints(List<OrderConstraint> order, Set<String> applicable) {
		return ThemePlan
			.constraints(order.stream().map(o -> new ThemePlan.Order(o.before(), o.after())).toList(), applicable)
			.stream()
			.map(o -> new Plan.Constraint(o.before(), o.after()))
			.toList();
	}

	/** Stage = 1 + the longest chain of predecessors (constraints are acyclic: validated on save). */
	static Map<String, Integer> stages(List<String> codes, List<Plan.Constraint> constraints) {
		Map<String, Integer> stage = new HashMap<>();
		codes.forEach(c -> stage.put(c, 1));
		for (int round = 0; round < codes.size(); round++) {
			for (Plan.Constraint c : constraints) {
				stage.put(c.after(), Math.max(stage.get(c.after()), stage.get(c.before()) + 1));
			}
		}
		return stage;
	}

	/** The longest sum of days along any chain of constraints. */
	static int criticalPath(List<String> codes, List<Plan.Constraint> constraints, ToIntFunction<String> days) {
		Map<String, Integer> finish = new HashMap<>();
		codes.forEach(c -> finish.put(c, days.applyAsInt(c)));
		for (int round = 0; round < codes.size(); round++) {
			for (Plan.Constraint c : constraints) {
				finish.put(c.after(),
						Math.max(finish.get(c.after()), finish.get(c.before()) + days.applyAsInt(c.after())));
			}
		}
		return finish.values().stream().mapToInt(Integer::intValue).max().orElse(0);
	}

}
