package org.yiwang.catalog.item;

/** The form a material is required in (材料形式). */
public enum MaterialForm {

	/** 原件 */
	ORIGINAL,
	/** 复印件 */
	COPY,
	/** 电子件 */
	ELECTRONIC

}
