package org.yiwang.exchange.resource;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An entry of the shared data catalog (政务信息资源目录): what a provider department shares, on which terms.
 *
 * @param code resource code
 * @param name resource name
 * @param providerDepartment the department that provides it
 * @param sharingType unconditional / conditional / not shared
 * @param legalBasis why it may be shared
 * @param fields the data fields and their sensitivity
 */
@Document("data_resources")
public record DataResource(@Id String code, String name, String providerDepartment, SharingType sharingType,
		String legalBasis, List<Field> fields) {

	/** A field of a resource. */
	public record Field(String name, String label, String sensitivity) {
	}

}
