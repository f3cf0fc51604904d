package org.yiwang.catalog.item;

/** draft → published → retired; a published version never changes. */
public enum ItemStatus {

	DRAFT, PUBLISHED, RETIRED

}
