package org.yiwang.catalog.theme;

/** Comparison of an answer with a rule's value; ordering operators only for NUMBER questions. */
public enum Operator {

	EQ, NE, GT, GE, LT, LE;

	boolean ordering() {
		return this == GT || this == GE || this == LT || this == LE;
	}

}
