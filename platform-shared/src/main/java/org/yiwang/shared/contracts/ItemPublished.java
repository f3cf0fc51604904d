package org.yiwang.shared.contracts;

import java.util.List;

import org.yiwang.shared.events.InvalidEventException;

/**
 * {@code catalog.ItemPublished} v1 on {@code catalog.events}: a handling item (办理项) version was published and
 * may now be applied for. Consumed by application-service (validates submissions) and license-service (learns
 * the licence type the item issues).
 *
 * @param itemCode the item's implementation code (实施编码)
 * @param itemVersion the published version, pinned by applications
 * @param name the item's name
 * @param departmentCode competent department's code
 * @param departmentName competent department's name
 * @param promisedDays promised time limit in working days (承诺时限)
 * @param legalDays legal time limit in working days (法定时限)
 * @param licenseType licence type issued on approval, null when the item issues none
 * @param licenseName display name of that licence type
 * @param licenseValidityYears validity of the licence in years, 0 for unlimited
 * @param materials the materials the item requires and where each comes from (added in v1 compatibly: absent,
 * hence empty, in older events)
 */
public record ItemPublished(String itemCode, int itemVersion, String name, String departmentCode,
		String departmentName, int promisedDays, int legalDays, String licenseType, String licenseName,
		int licenseValidityYears, List<RequiredMaterial> materials) {

	public static final String TYPE = "catalog.ItemPublished";

	public static final int VERSION = 1;

	public ItemPublished {
		Contracts.requireText(itemCode, "payload.itemCode");
		Contracts.requireText(name, "payload.name");
		Contracts.requireText(departmentCode, "payload.departmentCode");
		if (itemVersion < 1) {
			throw new InvalidEventException("payload.itemVersion", "must be >= 1");
		}
		materials = materials == null ? List.of() : List.copyOf(materials);
		for (int i = 0; i < materials.size(); i++) {
			materials.get(i).check("payload.materials[" + i + "]");
		}
	}

	/** An item without material requirements (the v1 shape before they were added). */
	public ItemPublished(String itemCode, int itemVersion, String name, String departmentCode, String departmentName,
			int promisedDays, int legalDays, String licenseType, String licenseName, int licenseValidityYears) {
		this(itemCode, itemVersion, name, departmentCode, departmentName, promisedDays, legalDays, licenseType,
				licenseName, licenseValidityYears, List.of());
	}

	/**
	 * A material requirement (申请材料) and its source: {@code UPLOAD} by the applicant, {@code E_LICENSE} of
	 * {@code licenseType} from the applicant's wallet, or {@code SHARED_DATA} of the exchange's resource
	 * {@code dataResource} (免提交).
	 *
	 * @param code material type code (the same paper across items has the same code)
	 * @param name name shown to applicants
	 * @param source UPLOAD, E_LICENSE or SHARED_DATA
	 * @param required whether always required (false: only in the situation {@code condition} names)
	 * @param condition when a non-required material is required
	 * @param licenseType e-licence type for E_LICENSE
	 * @param dataResource exchange resource code for SHARED_DATA
	 */
	public record RequiredMaterial(String code, String name, String source, boolean required, String condition,
			String licenseType, String dataResource) {

		public static final java.util.Set<String> SOURCES = java.util.Set.of("UPLOAD", "E_LICENSE", "SHARED_DATA");

		void check(String field) {
			Contracts.requireText(code, field + ".code");
			Contracts.requireText(name, field + ".name");
			if (source == null || !SOURCES.contains(source)) {
				throw new InvalidEventException(field + ".source", "must be UPLOAD, E_LICENSE or SHARED_DATA");
			}
			if ("E_LICENSE".equals(source)) {
				Contracts.requireText(licenseType, field + ".licenseType");
			}
			if ("SHARED_DATA".equals(source)) {
				Contracts.requireText(dataResource, field + ".dataResource");
			}
		}

		/** What makes two requirements the same material across items (as the catalog merges theme plans). */
		public String mergeKey() {
			return switch (source) {
				case "E_LICENSE" -> "E_LICENSE:" + licenseType;
				case "SHARED_DATA" -> "SHARED_DATA:" + dataResource;
				default -> "UPLOAD:" + code;
			};
		}

	}

}
