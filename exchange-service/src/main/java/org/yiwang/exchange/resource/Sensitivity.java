package org.yiwang.exchange.resource;

/** 敏感级别 of a field; HIGH fields (e.g. ID numbers, addresses) are personal data that must never be logged. */
public enum Sensitivity {

	LOW, MEDIUM, HIGH

}
