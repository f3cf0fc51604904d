package org.yiwang.application.application;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

/** One case with its application's header, as the department sees it in lists (an unwound application). */
public class CaseRow {

	@Id
	private String id;

	private String applicantSubject;

	private String applicantName;

	private String channel;

	private Instant submittedAt;

	private String themeCode;

	private Case cases;

	@PersistenceCreator
	CaseRow() {
	}

	public CaseRow(Application application, Case c) {
		this.id = application.getId();
		this.applicantSubject = application.getApplicantSubject();
		this.applicantName = application.getApplicantName();
		this.channel = application.getChannel();
		this.submittedAt = application.getSubmittedAt();
		this.themeCode = application.getThemeCode();
		this.cases = c;
	}

	public String applicationId() {
		return id;
	}

	public String applicantSubject() {
		return applicantSubject;
	}

	public String applicantName() {
		return applicantName;
	}

	public String channel() {
		return channel;
	}

	public Instant submittedAt() {
		return submittedAt;
	}

	public String themeCode() {
		return themeCode;
	}

	public Case caseData() {
		return cases;
	}

}
