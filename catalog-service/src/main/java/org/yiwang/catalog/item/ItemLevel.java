package org.yiwang.catalog.item;

/**
 * The national item hierarchy: 主项 (item) → 子项 (sub-item) → 办理项 (handling item). Only handling items are
 * applied for; they carry materials and issue licences. A main item without sub-items may itself be a handling
 * item, which is why the level is stated explicitly rather than derived from the code alone.
 */
public enum ItemLevel {

	/** 主项 */
	MAIN("主项"),
	/** 子项 */
	SUB("子项"),
	/** 办理项 */
	HANDLING("办理项");

	private final String label;

	ItemLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
