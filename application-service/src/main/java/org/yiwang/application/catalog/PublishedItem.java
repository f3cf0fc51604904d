package org.yiwang.application.catalog;

import java.util.ArrayList;
import java.util.List;

import org.yiwang.shared.contracts.ItemPublished;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What application-service knows of a published catalog item: the latest published version, learnt from
 * {@code catalog.ItemPublished}. Submissions are validated against it and pin its version.
 */
@Document("published_items")
public class PublishedItem {

	@Id
	private String itemCode;

	private int itemVersion;

	private String name;

	private String departmentCode;

	private String departmentName;

	private int promisedDays;

	private int legalDays;

	private String licenseType;

	private String licenseName;

	private int licenseValidityYears;

	/** the material requirements of the published version and where each comes from */
	private List<ItemPublished.RequiredMaterial> materials = new ArrayList<>();

	@PersistenceCreator
	PublishedItem() {
	}

	public PublishedItem(String itemCode, int itemVersion, String name, String departmentCode, String departmentName,
			int promisedDays, int legalDays, String licenseType, String licenseName, int licenseValidityYears) {
		this.itemCode = itemCode;
		this.itemVersion = itemVersion;
		this.name = name;
		this.departmentCode = departmentCode;
		this.departmentName = departmentName;
		this.promisedDays = promisedDays;
		this.legalDays = legalDays;
		this.licenseType = licenseType;
		this.licenseName = licenseName;
		this.licenseValidityYears = licenseValidityYears;
	}

	public String getItemCode() {
		return itemCode;
	}

	public int getItemVersion() {
		return itemVersion;
	}

	public String getName() {
		return name;
	}

	public String getDepartmentCode() {
		return departmentCode;
	}

	public String getDepartmentName() {
		return departmentName;
	}

	public int getPromisedDays() {
		return promisedDays;
	}

	public int getLegalDays() {
		return legalDays;
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

	public List<ItemPublished.RequiredMaterial> getMaterials() {
		return materials == null ? List.of() : List.copyOf(materials);
	}

}
