package org.yiwang.license.credential;

import java.text.ParseException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * What a verifier app needs to check a licence with no connection to the platform: the published JWKS and the
 * issuers' status list credentials, fetched earlier and cached. Status lists are accepted only when their own
 * signature verifies with the same JWKS and they come from the issuer they describe; a licence whose status list
 * is missing gets {@link Reason#STATUS_UNKNOWN}.
 */
public final class OfflineVerifier {

	private final CredentialVerifier verifier;

	private final Map<String, Map<String, BitstringStatusList>> lists = new HashMap<>();

	private OfflineVerifier(JWKSet jwks) {
		this.verifier = new CredentialVerifier(kid -> Optional.ofNullable(jwks.getKeyByKeyId(kid)));
	}

	/**
	 * @param jwksJson the JSON of {@code GET /api/v1/licenses/jwks}
	 * @param statusListCredentials bodies of {@code GET /api/v1/licenses/status-lists/{issuer}/{purpose}}
	 */
	public static OfflineVerifier of(String jwksJson, List<String> statusListCredentials, Instant now) {
		try {
			OfflineVerifier offline = new OfflineVerifier(JWKSet.parse(jwksJson));
			for (String list : statusListCredentials) {
				offline.addStatusList(list, now);
			}
			return offline;
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("not a JWKS", ex);
		}
	}

	private void addStatusList(String jws, Instant now) {
		CredentialVerifier.Verification checked = verifier.verify(jws, now, c -> Set.of());
		CredentialVerifier.Credential credential = checked.credential();
		if (credential == null) {
			throw new IllegalArgumentException("status list credential does not verify: " + checked.reasons());
		}
		if (!(credential.claims().get("credentialSubject") instanceof Map<?, ?> subject)
				|| !"BitstringStatusList".equals(subject.get("type"))) {
			throw new IllegalArgumentException("not a BitstringStatusListCredential");
		}
		String department = DepartmentKeys.departmentOfKid(credential.kid());
		if (department == null || !DepartmentKeys.issuerId(department).equals(credential.issuer())) {
			throw new IllegalArgumentException("status list signed by another department");
		}
		lists.computeIfAbsent(String.valueOf(credential.claims().get("id")), k -> new HashMap<>())
			.put(String.valueOf(subject.get("statusPurpose")),
					BitstringStatusList.decode(String.valueOf(subject.get("encodedList"))));
	}

	public CredentialVerifier.Verification verify(String jwsOrQr, Instant now) {
		return verifier.verify(jwsOrQr, now, credential -> {
			Set<Reason> reasons = EnumSet.noneOf(Reason.class);
			for (CredentialVerifier.StatusEntry entry : credential.status()) {
				BitstringStatusList list = lists.getOrDefault(entry.listCredential(), Map.of()).get(entry.purpose());
				if (list == null || entry.index() >= list.size()) {
					reasons.add(Reason.STATUS_UNKNOWN);
				}
				else if (list.get(entry.index())) {
					reasons.add("suspension".equals(entry.purpose()) ? Reason.SUSPENDED : Reason.REVOKED);
				}
			}
			return reasons;
		});
	}

}
