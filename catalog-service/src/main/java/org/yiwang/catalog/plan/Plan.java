package org.yiwang.catalog.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * A personalised plan (办事清单) for one theme and one answer set: what applies, in which order, what to bring
 * once, how long and how much — and the burden figures (一长四多: long waits, many materials, visits, fees) that
 * show what bundling gains over applying item by item.
 */
public record Plan(String themeCode, int themeVersion, String themeName, List<PlannedItem> items,
		List<String> departments, List<Constraint> orderConstraints, List<Stage> stages,
		List<MaterialMerge.Merged> materials, int promisedDays, BigDecimal totalFees, int visits, Burden burden,
		List<String> firedRules) {

	/** An applicable item, pinned to the version the plan was made with. */
	public record PlannedItem(String itemCode, int itemVersion, String name, String departmentCode,
			String departmentName, int stage, int promisedDays, int legalDays, BigDecimal fees, int visits,
			int onlineDepth, String licenseType, String licenseName) {
	}

	/** {@code before} must conclude before {@code after} starts (transitive through items that do not apply). */
	public record Constraint(String before, String after) {
	}

	/** Items that can run in parallel; a stage starts when the previous one concluded. */
	public record Stage(int number, List<String> itemCodes, int promisedDays) {
	}

	/**
	 * @param materialsNaive materials counted item by item
	 * @param materialsMerged entries of the merged list
	 * @param materialsToUpload merged entries the applicant must still provide (not from wallet, registry or plan)
	 * @param visitsNaive in-person visits item by item
	 * @param visitsBundled visits with one window for the theme (the most any single item needs)
	 * @param promisedDaysSequential promised days if applied one after the other
	 * @param promisedDaysCriticalPath promised days along the critical path of the order constraints
	 * @param legalDaysSequential legal days one after the other
	 * @param legalDaysCriticalPath legal days along the critical path
	 * @param fees total fees in yuan
	 */
	public record Burden(int materialsNaive, int materialsMerged, int materialsToUpload, int visitsNaive,
			int visitsBundled, int promisedDaysSequential, int promisedDaysCriticalPath, int legalDaysSequential,
			int legalDaysCriticalPath, BigDecimal fees) {
	}

}
