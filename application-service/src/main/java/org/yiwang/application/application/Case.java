package org.yiwang.application.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * The part of an application one department handles for one item (子件); lives inside its application, which
 * guards every transition (see {@link CaseAction}). Besides the status it keeps what the statutory clock needs:
 * when it was accepted, the time limits of the pinned item version, and every pause (补正, special procedures).
 */
public class Case {

	private String caseId;

	private String itemCode;

	private int itemVersion;

	private String itemName;

	private String departmentCode;

	private String departmentName;

	private String licenseType;

	private String licenseName;

	private int licenseValidityYears;

	private int promisedDays;

	private int legalDays;

	private CaseStatus status;

	/** where RECHECK / END_SPECIAL_PROCEDURE return to */
	private CaseStatus resumeStatus;

	/** item codes of cases of the same application that must be approved before this one starts */
	private List<String> predecessors = new ArrayList<>();

	private Instant acceptedAt;

	private String decidedBy;

	private Instant decidedAt;

	private String reason;

	private String legalBasis;

	private String licenseNumber;

	/** the licence's data fields as the department decided them on approval (经营范围, 经营场所 …) */
	private java.util.Map<String, String> licenseData;

	/** set when an approval was set aside after conclusion (撤销 / 复议撤销) */
	private Overturn overturn;

	private CorrectionNotice correction;

	private String specialProcedure;

	private List<ClockPause> pauses = new ArrayList<>();

	private List<Step> history = new ArrayList<>();

	private Instant updatedAt;

	private Instant warnedAt;

	private Instant escalatedAt;

	@PersistenceCreator
	Case() {
	}

	Case(String caseId, Application.ItemSnapshot item, List<String> predecessors, Instant now) {
		this.caseId = caseId;
		this.itemCode = item.itemCode();
		this.itemVersion = item.itemVersion();
		this.itemName = item.name();
		this.departmentCode = item.departmentCode();
		this.departmentName = item.departmentName();
		this.licenseType = item.licenseType();
		this.licenseName = item.licenseName();
		this.licenseValidityYears = item.licenseValidityYears();
		this.promisedDays = item.promisedDays();
		this.legalDays = item.legalDays();
		this.predecessors = new ArrayList<>(predecessors);
		this.status = predecessors.isEmpty() ? CaseStatus.SUBMITTED : CaseStatus.WAITING;
		this.updatedAt = now;
	}

	void moveTo(CaseStatus to, String action, String by, String note, Instant at) {
		history.add(new Step(action, status, to, by, at, note));
		this.status = to;
		this.updatedAt = at;
	}

	void accepted(Instant at) {
		this.acceptedAt = at;
	}

	void conclude(String officer, String reason, String legalBasis, Instant at) {
		this.decidedBy = officer;
		this.reason = reason;
		this.legalBasis = legalBasis;
		this.decidedAt = at;
	}

	void rememberResume(CaseStatus resume) {
		this.resumeStatus = resume;
	}

	void openCorrection(CorrectionNotice notice) {
		this.correction = notice;
	}

	void supplemented(String note, Instant at) {
		this.correction = correction.supplemented(note, at);
	}

	void specialProcedure(String procedure) {
		this.specialProcedure = procedure;
	}

	void pause(String kind, String reason, Instant at) {
		pauses.add(new ClockPause(kind, reason, at, null));
	}

	void resume(Instant at) {
		if (!pauses.isEmpty() && pauses.get(pauses.size() - 1).to() == null) {
			ClockPause open = pauses.remove(pauses.size() - 1);
			pauses.add(new ClockPause(open.kind(), open.reason(), open.from(), at));
		}
	}

	boolean warn(Instant at) {
		if (warnedAt != null) {
			return false;
		}
		warnedAt = at;
		return true;
	}

	boolean escalate(Instant at) {
		if (escalatedAt != null) {
			return false;
		}
		escalatedAt = at;
		if (warnedAt == null) {
			warnedAt = at;
		}
		return true;
	}

	void licenseData(java.util.Map<String, String> data) {
		this.licenseData = data == null || data.isEmpty() ? null : java.util.Map.copyOf(data);
	}

	public java.util.Map<String, String> getLicenseData() {
		return licenseData == null ? java.util.Map.of() : licenseData;
	}

	void overturn(Overturn overturn) {
		this.overturn = overturn;
	}

	public Overturn getOverturn() {
		return overturn;
	}

	/** Why and on what basis an approval was set aside, by whom, when. */
	public record Overturn(String reason, String legalBasis, String by, Instant at) {
	}

	boolean recordLicense(String number) {
		if (number.equals(licenseNumber)) {
			return false;
		}
		this.licenseNumber = number;
		return true;
	}

	public int corrections() {
		return correction == null ? 0 : 1;
	}

	public String getCaseId() {
		return caseId;
	}

	public String getItemCode() {
		return itemCode;
	}

	public int getItemVersion() {
		return itemVersion;
	}

	public String getItemName() {
		return itemName;
	}

	public String getDepartmentCode() {
		return departmentCode;
	}

	public String getDepartmentName() {
		return departmentName;
	}

	public String getLicenseType() {
		return licenseType;
	}

	public String getLicenseName() {
		return licenseName;
	}

	public int getLicenseValidityYears() {
		return licenseValidityYears;
	}

	public int getPromisedDays() {
		return promisedDays;
	}

	public int getLegalDays() {
		return legalDays;
	}

	public CaseStatus getStatus() {
		return status;
	}

	public CaseStatus getResumeStatus() {
		return resumeStatus;
	}

	public List<String> getPredecessors() {
		return List.copyOf(predecessors);
	}

	public Instant getAcceptedAt() {
		return acceptedAt;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public String getReason() {
		return reason;
	}

	public String getLegalBasis() {
		return legalBasis;
	}

	public String getLicenseNumber() {
		return licenseNumber;
	}

	public CorrectionNotice getCorrection() {
		return correction;
	}

	public String getSpecialProcedure() {
		return specialProcedure;
	}

	public List<ClockPause> getPauses() {
		return List.copyOf(pauses);
	}

	public List<Step> getHistory() {
		return List.copyOf(history);
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Instant getWarnedAt() {
		return warnedAt;
	}

	public Instant getEscalatedAt() {
		return escalatedAt;
	}

	/** One transition, for the record the applicant and supervisors read. */
	public record Step(String action, CaseStatus from, CaseStatus to, String by, Instant at, String note) {
	}

	/**
	 * A stretch of time excluded from the time limit: {@code CORRECTION} (waiting on the applicant) or a special
	 * procedure ({@code HEARING}, {@code INSPECTION}, {@code EXPERT_REVIEW}); {@code to} is null while it lasts.
	 */
	public record ClockPause(String kind, String reason, Instant from, Instant to) {
	}

	/** 一次性告知: the one notice listing every deficiency, and the applicant's supplement. */
	public record CorrectionNotice(List<String> deficiencies, String requestedBy, Instant requestedAt,
			String supplementNote, Instant supplementedAt) {

		CorrectionNotice supplemented(String note, Instant at) {
			return new CorrectionNotice(deficiencies, requestedBy, requestedAt, note, at);
		}

	}

}
