package org.yiwang.license.credential;

/**
 * Why a presented licence is not valid. {@code STATUS_UNKNOWN} is answered only by an offline verifier that lacks
 * the issuer's status list: it cannot vouch for a licence it cannot check.
 */
public enum Reason {

	/** Not a JWS / QR payload of a licence credential, or a required credential field is missing. */
	MALFORMED,
	/** The key id is not among the published keys. */
	UNKNOWN_KEY,
	/** The signature does not verify with the named key: a forgery. */
	BAD_SIGNATURE,
	/** The content of an issued licence was altered after signing (or differs from the register). */
	TAMPERED,
	/** The signing key belongs to a department other than the credential's issuer or the number's issuer. */
	WRONG_ISSUER,
	NOT_YET_VALID, EXPIRED, SUSPENDED, REVOKED,
	/** Offline only: the issuer's status list was not available. */
	STATUS_UNKNOWN

}
