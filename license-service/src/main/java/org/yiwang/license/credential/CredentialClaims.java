package org.yiwang.license.credential;

import java.time.Instant;
import java.util.Map;

/**
 * What a licence credential states; built by the licence aggregate's issuer, signed by {@link CredentialSigner}.
 *
 * @param number licence number
 * @param type licence type code
 * @param typeName licence type name (zh-CN)
 * @param holderSubject the holder's identity subject
 * @param holderName the holder's name
 * @param department issuing department code
 * @param issuedAt when issued
 * @param validFrom start of validity
 * @param validUntil end of validity, null when unlimited
 * @param fields the licence's data fields (business scope, premises address…)
 * @param applicationId the application it was issued on
 * @param caseId the approved case
 * @param itemCode the handling item
 * @param statusIndex the licence's position in its issuer's status lists
 * @param holder who holds it, as stated in {@code credentialSubject.holder}
 */
public record CredentialClaims(String number, String type, String typeName, String holderSubject, String holderName,
		String department, Instant issuedAt, Instant validFrom, Instant validUntil, Map<String, Object> fields,
		String applicationId, String caseId, String itemCode, int statusIndex, HolderClaims holder) {

	/**
	 * The holder part of the credential. The identifier is the plain ID number for a person: the signed credential
	 * is the one place it appears unmasked, as on a paper licence.
	 *
	 * @param type PERSON or ENTERPRISE
	 * @param identifierType ID_NUMBER, USCC or PLATFORM_SUBJECT
	 * @param identifier the ID number, USCC or platform subject
	 * @param identityBound false when the person had no bound real-name identity at issuance
	 * @param agentSubject for an enterprise, the agent who applied
	 * @param agentName the agent's name
	 */
	public record HolderClaims(String type, String identifierType, String identifier, boolean identityBound,
			String agentSubject, String agentName) {
	}

}
