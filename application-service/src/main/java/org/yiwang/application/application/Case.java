package org.yiwang.application.application;

import java.time.Instant;

import org.springframework.data.annotation.PersistenceCreator;

/** The part of an application one department handles for one item (子件); lives inside its application. */
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

	private CaseStatus status;

	private String decidedBy;

	private Instant decidedAt;

	private String reason;

	private String licenseNumber;

	@PersistenceCreator
	Case() {
	}

	Case(String caseId, String itemCode, int itemVersion, String itemName, String departmentCode,
			String departmentName, String licenseType, String licenseName, int licenseValidityYears) {
		this.caseId = caseId;
		this.itemCode = itemCode;
		this.itemVersion = itemVersion;
		this.itemName = itemName;
		this.departmentCode = departmentCode;
		this.departmentName = departmentName;
		this.licenseType = licenseType;
		this.licenseName = licenseName;
		this.licenseValidityYears = licenseValidityYears;
		this.status = CaseStatus.SUBMITTED;
	}

	void conclude(CaseStatus outcome, String officer, String reason, Instant at) {
		this.status = outcome;
		this.decidedBy = officer;
		this.reason = reason;
		this.decidedAt = at;
	}

	boolean recordLicense(String number) {
		if (number.equals(licenseNumber)) {
			return false;
		}
		this.licenseNumber = number;
		return true;
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

	public CaseStatus getStatus() {
		return status;
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

	public String getLicenseNumber() {
		return licenseNumber;
	}

}
