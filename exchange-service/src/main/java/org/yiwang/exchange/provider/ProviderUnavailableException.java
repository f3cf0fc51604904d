package org.yiwang.exchange.provider;

import org.yiwang.shared.web.DomainException;

import org.springframework.http.HttpStatus;

/**
 * The provider is down, slow, overloaded or its circuit is open: 503 problem details with type
 * {@code provider-unavailable}, and no data at all (never a partial answer).
 */
public class ProviderUnavailableException extends DomainException {

	private final String provider;

	public ProviderUnavailableException(String provider, String detail) {
		super(detail, null, null);
		this.provider = provider;
	}

	public String provider() {
		return provider;
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
