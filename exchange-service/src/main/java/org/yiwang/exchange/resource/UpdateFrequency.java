package org.yiwang.exchange.resource;

/** 更新周期: how fresh the provider keeps the data. */
public enum UpdateFrequency {

	REAL_TIME, DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY

}
