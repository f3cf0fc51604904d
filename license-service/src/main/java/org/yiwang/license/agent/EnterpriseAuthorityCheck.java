package org.yiwang.license.agent;

import org.yiwang.shared.web.DomainException;

import org.springframework.http.HttpStatus;

/**
 * identity-service's word on whether the caller may act for an enterprise ({@code GET /authorizations/check}, asked
 * with the caller's own token): true for its 法定代表人 — often a plain citizen account, who is never the subject of
 * an {@code AgentAuthorized} event — and for an agent identity-service knows authorised. Consulted only when the
 * local authorisation ({@link AgentAuthorisations}) says no, so a current agent never waits for identity-service.
 */
public interface EnterpriseAuthorityCheck {

	/**
	 * Whether the caller of the current request (token subject {@code subject}) may act for the enterprise.
	 * @throws Unavailable when identity-service gives no answer: the caller must hear "try again", not "forbidden"
	 */
	boolean mayActFor(String subject, String uscc);

	/** identity-service gave no answer (down, slow, 5xx, open circuit): 503, never a silent "no". */
	class Unavailable extends DomainException {

		public Unavailable(String detail) {
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

}
