package org.yiwang.license.license;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.jwk.JWK;
import org.yiwang.license.credential.CredentialVerifier;
import org.yiwang.license.credential.DepartmentKeys;
import org.yiwang.license.credential.Reason;

import org.springframework.stereotype.Service;

/**
 * Online verification: the credential verifier with every key the platform ever used (rotated keys included) and
 * the register as status source, which is authoritative and fresher than any published status list. The register
 * also tells a tampered licence (the number of an issued licence, its content altered, so the signature fails, or
 * a signed credential that is not the one on record) from a plain forgery.
 */
@Service
public class LicenseVerifier {

	private final Licenses licenses;

	private final Clock clock;

	private final CredentialVerifier verifier;

	LicenseVerifier(Licenses licenses, DepartmentKeys keys, Clock clock) {
		this.licenses = licenses;
		this.clock = clock;
		this.verifier = new CredentialVerifier(kid -> keys.publicKey(kid).map(k -> (JWK) k));
	}

	public CredentialVerifier.Verification verify(String input) {
		Instant now = Instant.now(clock);
		CredentialVerifier.Verification result = verifier.verify(input, now, this::registerStatus);
		if (result.reasons().contains(Reason.BAD_SIGNATURE) && result.licenseNumber() != null
				&& result.licenseNumber().length() <= 80 && licenses.existsById(result.licenseNumber())) {
			List<Reason> reasons = new ArrayList<>(result.reasons());
			reasons.replaceAll(r -> r == Reason.BAD_SIGNATURE ? Reason.TAMPERED : r);
			return new CredentialVerifier.Verification(false, List.copyOf(reasons), result.licenseNumber(), null);
		}
		return result;
	}

	private Set<Reason> registerStatus(CredentialVerifier.Credential credential) {
		Set<Reason> reasons = EnumSet.noneOf(Reason.class);
		Optional<License> found = licenses.findById(credential.licenseNumber());
		if (found.isEmpty()) {
			reasons.add(Reason.STATUS_UNKNOWN);
			return reasons;
		}
		License license = found.get();
		if (!credential.jws().equals(license.getCredential())) {
			reasons.add(Reason.TAMPERED);
		}
		switch (license.getStatus()) {
			case SUSPENDED -> reasons.add(Reason.SUSPENDED);
			case REVOKED -> reasons.add(Reason.REVOKED);
			case EXPIRED -> reasons.add(Reason.EXPIRED);
			case VALID -> {
			}
		}
		return reasons;
	}

}
