package org.yiwang.catalog.theme;

/** What a rule does when all its conditions hold. */
public enum ActionType {

	/** the item applies (for CONDITIONAL theme items) */
	INCLUDE_ITEM,
	/** the item does not apply, even if otherwise included */
	EXCLUDE_ITEM,
	/** a conditional material of an item becomes required */
	REQUIRE_MATERIAL

}
