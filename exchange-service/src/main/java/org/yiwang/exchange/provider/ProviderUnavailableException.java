package org.yiwang.exchange.provider;

import org.yiwang.shared.web.DomainException;

import org.springframework.http.HttpStatus;

/**
 * The provider is down, slow, overloaded or its circuit is open (or the exchange could not authenticate to it):
 * 503 problem details with type {@code provider-unavailable} and a {@code Retry-After} header, and no data at all
 * (never a partial answer).
 */
public class ProviderUnavailableException extends DomainException {

	private final String provider;

	private final long retryAfterSeconds;

	public ProviderUnavailableException(String provider, String detail, long retryAfterSeconds) {
		super(detail, null, null);
		this.provider = provider;
		this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
	}

	public String provider() {
		return provider;
	}

	/** When asking again makes sense: the rest of the circuit's open state, else a short default. */
	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.SERVICE_UNAVAILABLE;
	}

	@Override
	public String problemType() {
		return "provider-unavailable";
	}

}
