package org.yiwang.application.material;

import java.util.Optional;

/**
 * PORT to license-service (not wired yet): confirms that the applicant holds an e-licence and grants its use
 * as a material of this application, so the licence is referenced instead of uploaded. To be implemented by an
 * HTTP adapter once license-service publishes its wallet-grant API.
 */
public interface LicenseWallet {

	/** The licence if {@code holderSubject} holds it and granted its use for {@code applicationId}. */
	Optional<LicenseReference> grantedUse(String holderSubject, String licenseNumber, String applicationId);

	record LicenseReference(String licenseNumber, String licenseType, String licenseName, String issuer) {
	}

}
