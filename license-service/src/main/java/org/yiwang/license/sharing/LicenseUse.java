package org.yiwang.license.sharing;

import java.time.Instant;

import org.yiwang.shared.ids.TimeOrderedIds;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One use of a licence by someone other than its holder: who, for which department or application, on what
 * basis, for what, when. Append-only; the holder reads these to see who used their licence.
 *
 * @param id use id
 * @param licenseNumber the licence
 * @param holderSubject its holder
 * @param basis GRANT, OWN_DEPARTMENT (the issuing department's staff) or LIBRARY (the e-licence library queried
 * through the data exchange on behalf of {@code department})
 * @param grantId the grant relied on, if any
 * @param userSubject the reader's identity subject
 * @param userName the reader's display name
 * @param department the reader's department
 * @param clientId the client application the reader used
 * @param applicationId the application named by the reader, if any
 * @param purpose the grant's purpose, or the department's own business
 * @param resourceCode for a query through the data exchange (basis LIBRARY), the shared resource asked for
 * @param at when
 */
@Document("license_uses")
public record LicenseUse(@Id String id, @Indexed String licenseNumber, String holderSubject, String basis,
		String grantId, String userSubject, String userName, String department, String clientId, String applicationId,
		String purpose, String resourceCode, Instant at) {

	static LicenseUse of(String licenseNumber, String holderSubject, String basis, String grantId,
			String userSubject, String userName, String department, String clientId, String applicationId,
			String purpose, String resourceCode, Instant at) {
		return new LicenseUse(TimeOrderedIds.next("USE-"), licenseNumber, holderSubject, basis, grantId, userSubject,
				userName, department, clientId, applicationId, purpose, resourceCode, at);
	}

}
