package org.yiwang.application.peer;

import org.yiwang.shared.web.DomainException;

import org.springframework.http.HttpStatus;

/** A platform service this one depends on (exchange, identity, licences) did not answer usefully: 503, try later. */
public class PeerUnavailableException extends DomainException {

	public PeerUnavailableException(String detail) {
		super(detail, null, null);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.SERVICE_UNAVAILABLE;
	}

	@Override
	public String problemType() {
		return "peer-unavailable";
	}

}
