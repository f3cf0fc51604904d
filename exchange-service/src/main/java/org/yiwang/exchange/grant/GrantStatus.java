package org.yiwang.exchange.grant;

/** 申请中 / 已授权 / 已驳回 / 已撤销 / 已过期. Only ACTIVE (and not yet past its expiry) lets data flow. */
public enum GrantStatus {

	REQUESTED, ACTIVE, DENIED, REVOKED, EXPIRED

}
