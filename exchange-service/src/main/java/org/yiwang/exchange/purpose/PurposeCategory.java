package org.yiwang.exchange.purpose;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * What shared data may be used for (共享用途类别), from a fixed vocabulary so that purpose binding can be checked
 * by the machine: a grant names the categories the provider agreed to, every access states one, and an access
 * outside the grant's categories is refused. The free-text purpose stays beside it for the human reader (and
 * for the data subject's "who used my data").
 */
public enum PurposeCategory {

	/** 行政许可办理: deciding an application for a licence or permit (always with the application's id). */
	ADMINISTRATIVE_LICENSING("行政许可办理"),
	/** 行政确认: confirming a legal status or fact (registration, certification, qualification). */
	ADMINISTRATIVE_CONFIRMATION("行政确认"),
	/** 行政给付: granting benefits, subsidies, pensions. */
	ADMINISTRATIVE_PAYMENT("行政给付"),
	/** 公共服务: public services that are not administrative decisions (enrolment, medical, utilities). */
	PUBLIC_SERVICE("公共服务"),
	/** 社会救助: social assistance (minimum living allowance, special hardship support, temporary relief). */
	SOCIAL_ASSISTANCE("社会救助"),
	/** 监管执法: supervision after licensing, inspection and law enforcement (事中事后监管, 行政检查, 行政处罚). */
	SUPERVISION_ENFORCEMENT("监管执法"),
	/** 应急处置: emergency management and response. */
	EMERGENCY_RESPONSE("应急处置"),
	/** 统计分析与决策支持: statistics and decision support. */
	STATISTICAL_ANALYSIS("统计分析与决策支持");

	private final String label;

	PurposeCategory(String label) {
		this.label = label;
	}

	/** The zh-CN name shown to staff and data subjects. */
	public String label() {
		return label;
	}

	/** {@code ADMINISTRATIVE_LICENSING (行政许可办理)}, for messages a person reads. */
	public String described() {
		return name() + " (" + label + ")";
	}

	public static String described(Collection<PurposeCategory> categories) {
		return categories.isEmpty() ? "no purpose category"
				: categories.stream().map(PurposeCategory::described).collect(Collectors.joining(", "));
	}

	/** Whether an access for this purpose must name the application it serves. */
	public boolean requiresApplication() {
		return this == ADMINISTRATIVE_LICENSING;
	}

}
