package org.yiwang.identity.person;

/**
 * 实名认证等级: how sure the platform is that the account belongs to the person named. Items may require a minimum
 * level; a level is only ever raised.
 */
public enum AssuranceLevel {

	/** 自行声明: registered online, ID number checked for validity only. */
	SELF_DECLARED,

	/** 证件核验: ID number and name checked against the population base registry or by a department system. */
	ID_VERIFIED,

	/** 线下核验: verified in person at a window with the ID card. */
	IN_PERSON;

	public boolean atLeast(AssuranceLevel other) {
		return compareTo(other) >= 0;
	}

}
