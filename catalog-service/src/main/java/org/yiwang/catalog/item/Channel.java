package org.yiwang.catalog.item;

/** Where an item can be applied for (办理渠道). */
public enum Channel {

	/** 网上办理（PC 门户） */
	ONLINE,
	/** 窗口办理 */
	WINDOW,
	/** 移动端（小程序/APP） */
	MOBILE,
	/** 合作方应用（银行、邮政等） */
	PARTNER_APP

}
