package org.yiwang.catalog.item;

/**
 * Where a material comes from. Anything but {@link #UPLOAD} is taken by the platform itself — from the
 * applicant's e-licence wallet or from a base registry — which is what makes "once only" (一次不用跑/免提交) work.
 */
public enum MaterialSource {

	/** the applicant uploads it (申请人提交) */
	UPLOAD,
	/** an e-licence of a licence type, taken from the wallet (电子证照免提交) */
	E_LICENSE,
	/** a shared-data resource of a base registry (数据共享免提交) */
	SHARED_DATA

}
