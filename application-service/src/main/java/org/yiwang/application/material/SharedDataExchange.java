package org.yiwang.application.material;

import java.util.Optional;

/**
 * PORT to exchange-service (not wired yet): fetches a shared data resource about the applicant for the purpose
 * of this application (purpose-bound, audited there; once-only: the applicant does not upload what the
 * government already holds). To be implemented by an HTTP adapter on exchange-service's access API.
 */
public interface SharedDataExchange {

	Optional<SharedData> fetch(String subjectOfData, String resourceCode, String applicationId, String purpose);

	record SharedData(String resourceCode, String resourceName, String providerDepartment, String accessId) {
	}

}
