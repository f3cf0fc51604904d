package org.yiwang.application.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.yiwang.shared.contracts.CaseApproved;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.outbox.OutboxMessage;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An application (办件): one submission by one applicant, split into cases (子件) per department and item. The
 * cases live in the application's document, so a decision and the event it raises are one atomic write; the
 * {@code revision} makes two officers deciding at once a conflict (409) instead of a lost update.
 */
@Document("applications")
public class Application {

	@Id
	private String id;

	private String applicantSubject;

	private String applicantName;

	private String channel;

	private Instant submittedAt;

	private List<Case> cases = new ArrayList<>();

	@Version
	private Long revision;

	private List<OutboxMessage> outbox = new ArrayList<>();

	@PersistenceCreator
	Application() {
	}

	/** Submits an application for one item; its single case goes to the item's department. */
	public static Application submit(Applicant applicant, ItemSnapshot item, String channel, Instant now) {
		Application application = new Application();
		application.id = "APP-" + UUID.randomUUID();
		application.applicantSubject = applicant.subject();
		application.applicantName = applicant.name();
		application.channel = channel;
		application.submittedAt = now;
		Case first = new Case("CASE-" + UUID.randomUUID(), item.itemCode(), item.itemVersion(), item.name(),
				item.departmentCode(), item.departmentName(), item.licenseType(), item.licenseName(),
				item.licenseValidityYears());
		application.cases.add(first);
		application.outbox.add(OutboxMessage.of(Topics.APPLICATION, ApplicationSubmitted.TYPE, 1, application.id,
				new ApplicationSubmitted(application.id, applicant.subject(), channel,
						application.cases.stream()
							.map(c -> new ApplicationSubmitted.SubmittedCase(c.getCaseId(), c.getItemCode(),
									c.getItemVersion(), c.getDepartmentCode()))
							.toList(),
						now)));
		return application;
	}

	/** 办结·准予: the officer's department must own the case, and the case must still be open. */
	public void approve(String caseId, Officer officer, Instant now) {
		Case target = openCaseOf(caseId, officer);
		target.conclude(CaseStatus.APPROVED, officer.subject(), null, now);
		outbox.add(OutboxMessage.of(Topics.APPLICATION, CaseApproved.TYPE, CaseApproved.VERSION, id,
				new CaseApproved(caseId, id, target.getItemCode(), target.getItemVersion(), target.getDepartmentCode(),
						applicantSubject, applicantName, target.getLicenseType(), target.getLicenseName(),
						target.getLicenseValidityYears(), officer.subject(), now)));
	}

	/** 办结·不予: with the reason the applicant will read. */
	public void deny(String caseId, Officer officer, String reason, Instant now) {
		Case target = openCaseOf(caseId, officer);
		target.conclude(CaseStatus.DENIED, officer.subject(), reason, now);
		outbox.add(OutboxMessage.of(Topics.APPLICATION, CaseDenied.TYPE, 1, id,
				new CaseDenied(caseId, id, target.getDepartmentCode(), reason, officer.subject(), now)));
	}

	/** Records the licence issued for an approved case; false if it was already recorded. */
	public boolean recordLicense(String caseId, String licenseNumber) {
		return caseOf(caseId).recordLicense(licenseNumber);
	}

	private Case openCaseOf(String caseId, Officer officer) {
		Case target = caseOf(caseId);
		if (!target.getDepartmentCode().equals(officer.departmentCode())) {
			// not the officer's department: the case does not exist for them
			throw new NotFoundException("no case " + caseId + " in your department");
		}
		if (target.getStatus().concluded()) {
			throw new ConflictException("case " + caseId + " is already concluded (" + target.getStatus() + ")",
					"status", "must be open");
		}
		return target;
	}

	public Case caseOf(String caseId) {
		return cases.stream()
			.filter(c -> c.getCaseId().equals(caseId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("no case " + caseId));
	}

	/** Derived from the cases: concluded once every case is. */
	public String status() {
		return cases.stream().allMatch(c -> c.getStatus().concluded()) ? "CONCLUDED" : "IN_PROGRESS";
	}

	public boolean isOwnedBy(String subject) {
		return applicantSubject.equals(subject);
	}

	public String getId() {
		return id;
	}

	public String getApplicantSubject() {
		return applicantSubject;
	}

	public String getApplicantName() {
		return applicantName;
	}

	public String getChannel() {
		return channel;
	}

	public Instant getSubmittedAt() {
		return submittedAt;
	}

	public List<Case> getCases() {
		return List.copyOf(cases);
	}

	public Long getRevision() {
		return revision;
	}

	/** Who applies. */
	public record Applicant(String subject, String name) {
	}

	/** Who decides, and for which department. */
	public record Officer(String subject, String departmentCode) {
	}

	/** The catalog item version the application is made under. */
	public record ItemSnapshot(String itemCode, int itemVersion, String name, String departmentCode,
			String departmentName, String licenseType, String licenseName, int licenseValidityYears) {
	}

	/** {@code application.ApplicationSubmitted} v1. */
	public record ApplicationSubmitted(String applicationId, String applicantSubject, String channel,
			List<SubmittedCase> cases, Instant submittedAt) {

		public static final String TYPE = "application.ApplicationSubmitted";

		public record SubmittedCase(String caseId, String itemCode, int itemVersion, String departmentCode) {
		}

	}

	/** {@code application.CaseDenied} v1. */
	public record CaseDenied(String caseId, String applicationId, String departmentCode, String reason,
			String decidedBy, Instant decidedAt) {

		public static final String TYPE = "application.CaseDenied";

	}

}
