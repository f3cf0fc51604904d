package org.yiwang.shared.client;

/**
 * The identity provider did not hand out a service token (down, slow, or the client's credentials are wrong).
 * Callers treat it like the remote service being unavailable.
 */
public class ServiceTokenUnavailableException extends RuntimeException {

	public ServiceTokenUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
