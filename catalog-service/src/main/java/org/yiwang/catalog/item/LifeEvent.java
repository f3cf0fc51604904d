package org.yiwang.catalog.item;

/**
 * The browsing taxonomy: citizen life events (个人生命周期) and the enterprise lifecycle (企业生命周期). Citizens
 * look for "what happens in my life", not "which department"; this is the index they browse by.
 */
public enum LifeEvent {

	BIRTH(SubjectType.NATURAL_PERSON, "出生"), EDUCATION(SubjectType.NATURAL_PERSON, "教育"),
	EMPLOYMENT(SubjectType.NATURAL_PERSON, "就业"), MARRIAGE(SubjectType.NATURAL_PERSON, "婚姻"),
	HOUSING(SubjectType.NATURAL_PERSON, "住房"), VEHICLES(SubjectType.NATURAL_PERSON, "车辆"),
	RETIREMENT(SubjectType.NATURAL_PERSON, "退休"), DEATH(SubjectType.NATURAL_PERSON, "身后"),
	ESTABLISHMENT(SubjectType.LEGAL_PERSON, "开办"), QUALIFICATION(SubjectType.LEGAL_PERSON, "准营"),
	OPERATION(SubjectType.LEGAL_PERSON, "经营"), INVESTMENT_CONSTRUCTION(SubjectType.LEGAL_PERSON, "投资建设"),
	CHANGE(SubjectType.LEGAL_PERSON, "变更"), DEREGISTRATION(SubjectType.LEGAL_PERSON, "注销");

	private final SubjectType audience;

	private final String label;

	LifeEvent(SubjectType audience, String label) {
		this.audience = audience;
		this.label = label;
	}

	public SubjectType audience() {
		return audience;
	}

	public String label() {
		return label;
	}

}
