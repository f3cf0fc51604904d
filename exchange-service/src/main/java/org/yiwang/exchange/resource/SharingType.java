package org.yiwang.exchange.resource;

/** 无条件共享 / 有条件共享 / 不予共享. */
public enum SharingType {

	UNCONDITIONAL, CONDITIONAL, NOT_SHARED

}
