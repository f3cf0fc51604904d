package org.yiwang.license.license;

/** A licence's status; suspension and revocation come with the license-service issue. */
public enum LicenseStatus {

	VALID, SUSPENDED, REVOKED, EXPIRED

}
