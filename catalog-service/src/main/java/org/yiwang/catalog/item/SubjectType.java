package org.yiwang.catalog.item;

/** Who may apply (服务对象): natural persons (自然人) or legal persons (法人). */
public enum SubjectType {

	NATURAL_PERSON, LEGAL_PERSON

}
