package org.yiwang.catalog.theme;

/** Typed answers of the situation questionnaire (情形问卷). */
public enum QuestionType {

	/** yes / no, e.g. 是否销售酒类？ */
	BOOLEAN,
	/** a whole number within the question's bounds, e.g. 餐位数 */
	NUMBER,
	/** one of the question's options, e.g. 经营场所性质：自有/租赁 */
	SINGLE_CHOICE

}
