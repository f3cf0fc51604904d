package org.yiwang.catalog.theme;

import java.util.List;

/**
 * A questionnaire rule: when ALL conditions hold, the action applies to the item (and material). Example: 餐位数 >
 * 50 → INCLUDE_ITEM 消防安全检查.
 */
public record Rule(String id, List<Condition> when, ActionType action, String itemCode, String materialCode) {

	public Rule {
		when = when == null ? List.of() : List.copyOf(when);
	}

}
