package org.yiwang.identity.keycloak;

import org.yiwang.shared.web.DomainException;

import org.springframework.http.HttpStatus;

/** Keycloak cannot be reached (down, too slow, circuit open, misconfigured): a 503, never a 500. */
public class IdentityProviderUnavailableException extends DomainException {

	public IdentityProviderUnavailableException(String detail) {
		super(detail, null, null);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.SERVICE_UNAVAILABLE;
	}

	@Override
	public String problemType() {
		return "identity-provider-unavailable";
	}

}
