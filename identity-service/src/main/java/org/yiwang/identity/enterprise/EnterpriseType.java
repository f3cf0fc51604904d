package org.yiwang.identity.enterprise;

/** 市场主体类型 (simplified). */
public enum EnterpriseType {

	/** 有限责任公司 / 股份有限公司 */
	COMPANY,
	/** 个体工商户 */
	INDIVIDUAL_BUSINESS,
	/** 农民专业合作社 */
	COOPERATIVE,
	/** 社会组织 */
	SOCIAL_ORGANISATION,
	/** 事业单位 */
	PUBLIC_INSTITUTION,
	/** 其他 */
	OTHER

}
