package org.yiwang.catalog.item;

import java.util.regex.Pattern;

/**
 * A material an applicant must provide (申请材料). Its {@link MaterialSource source} says whether the applicant
 * uploads it or the platform takes it from the e-licence wallet ({@code licenseType}) or a base registry
 * ({@code dataResource}, a shared-data catalog code such as {@code GA-POPULATION}). The {@code code} is the
 * material type (e.g. {@code ID_CARD}, {@code LEASE_CONTRACT}); the same type across items is the same paper,
 * which is what theme plans merge on.
 *
 * @param code material type code
 * @param name name shown to applicants
 * @param form original / copy / electronic
 * @param count number of copies
 * @param required whether always required; when false, {@code condition} says when it is (容缺/情形)
 * @param condition the situation in which a non-required material becomes required
 * @param sampleUrl a blank form or filled sample (空白表格/示范文本), optional
 * @param source who provides it
 * @param licenseType the e-licence type, for {@link MaterialSource#E_LICENSE}
 * @param dataResource the shared-data resource code, for {@link MaterialSource#SHARED_DATA}
 */
public record Material(String code, String name, MaterialForm form, int count, boolean required, String condition,
		String sampleUrl, MaterialSource source, String licenseType, String dataResource) {

	private static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");

	private static final Pattern RESOURCE = Pattern.compile("^[A-Z]{2,10}(-[A-Z]{2,20}){1,3}$");

	public static Material upload(String code, String name, MaterialForm form, int count) {
		return new Material(code, name, form, count, true, null, null, MaterialSource.UPLOAD, null, null);
	}

	public static Material eLicense(String code, String name, String licenseType) {
		return new Material(code, name, MaterialForm.ELECTRONIC, 1, true, null, null, MaterialSource.E_LICENSE,
				licenseType, null);
	}

	public static Material sharedData(String code, String name, String dataResource) {
		return new Material(code, name, MaterialForm.ELECTRONIC, 1, true, null, null, MaterialSource.SHARED_DATA,
				null, dataResource);
	}

	/** The same material as a conditional one: required only in the stated situation. */
	public Material onlyWhen(String situation) {
		return new Material(code, name, form, count, false, situation, sampleUrl, source, licenseType, dataResource);
	}

	/**
	 * What makes two materials "the same" across items: the material type for uploads, the licence type for
	 * e-licences, the data resource for shared data.
	 */
	public String mergeKey() {
		return switch (source) {
			case UPLOAD -> "UPLOAD:" + code;
			case E_LICENSE -> "E_LICENSE:" + licenseType;
			case SHARED_DATA -> "SHARED_DATA:" + dataResource;
		};
	}

	void validate(String field) {
		if (code == null || !CODE.matcher(code).matches()) {
			throw ItemValidation.invalid(field + ".code", "must be an upper-case material type code like ID_CARD");
		}
		ItemValidation.requireText(name, field + ".name", 100);
		if (form == null) {
			throw ItemValidation.invalid(field + ".form", "must be ORIGINAL, COPY or ELECTRONIC");
		}
		ItemValidation.requireRange(count, field + ".count", 1, 20);
		if (!required && (condition == null || condition.isBlank())) {
			throw ItemValidation.invalid(field + ".condition", "must say when a non-required material is required");
		}
		if (source == null) {
			throw ItemValidation.invalid(field + ".source", "must be UPLOAD, E_LICENSE or SHARED_DATA");
		}
		switch (source) {
			case UPLOAD -> {
				if (licenseType != null || dataResource != null) {
					throw ItemValidation.invalid(field + ".source",
							"an UPLOAD material has neither licenseType nor dataResource");
				}
			}
			case E_LICENSE -> {
				if (licenseType == null || !CODE.matcher(licenseType).matches()) {
					throw ItemValidation.invalid(field + ".licenseType",
							"must name the e-licence type (e.g. BUSINESS_LICENSE) for source E_LICENSE");
				}
				if (form != MaterialForm.ELECTRONIC) {
					throw ItemValidation.invalid(field + ".form", "an e-licence is ELECTRONIC");
				}
			}
			case SHARED_DATA -> {
				if (dataResource == null || !RESOURCE.matcher(dataResource).matches()) {
					throw ItemValidation.invalid(field + ".dataResource",
							"must be a shared-data resource code like GA-POPULATION for source SHARED_DATA");
				}
				if (form != MaterialForm.ELECTRONIC) {
					throw ItemValidation.invalid(field + ".form", "shared data is ELECTRONIC");
				}
			}
		}
	}

}
