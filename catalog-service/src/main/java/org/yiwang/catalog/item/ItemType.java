package org.yiwang.catalog.item;

/** Item types of the national standard, with their two-letter codes used inside item codes. */
public enum ItemType {

	/** 行政许可 */
	PERMIT("XK", "行政许可"),
	/** 行政确认 */
	CONFIRMATION("QR", "行政确认"),
	/** 行政给付 */
	BENEFIT("JF", "行政给付"),
	/** 行政征收 */
	LEVY("ZS", "行政征收"),
	/** 其他行政权力 */
	OTHER_POWER("QT", "其他行政权力"),
	/** 公共服务 */
	PUBLIC_SERVICE("GG", "公共服务");

	private final String code;

	private final String label;

	ItemType(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

}
