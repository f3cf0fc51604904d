package org.yiwang.exchange.identity;

import org.yiwang.shared.web.DomainException;

import org.springframework.http.HttpStatus;

/**
 * identity-service could not say who the caller is or whether they may act for an enterprise (down, slow, circuit
 * open, or the exchange has no service token): 503 problem {@code identity-unavailable} with {@code Retry-After}.
 * Never guessed around: no answer means no records, not someone else's.
 */
public class IdentityUnavailableException extends DomainException {

	private final long retryAfterSeconds;

	public IdentityUnavailableException(String detail, long retryAfterSeconds) {
		super(detail, null, null);
		this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.SERVICE_UNAVAILABLE;
	}

	@Override
	public String problemType() {
		return "identity-unavailable";
	}

}
