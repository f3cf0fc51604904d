package org.yiwang.shared.contracts;

import java.time.Instant;

/**
 * {@code identity.AgentAuthorizationRevoked} v1 on {@code identity.events}: the authorisation no longer holds
 * (consumers drop it). Key = authorizationId.
 */
public record AgentAuthorizationRevoked(String authorizationId, String enterpriseUscc, String agentSubject,
		String revokedBy, Instant revokedAt) {

	public static final String TYPE = "identity.AgentAuthorizationRevoked";

	public static final int VERSION = 1;

	public AgentAuthorizationRevoked {
		Contracts.requireText(authorizationId, "payload.authorizationId");
		Contracts.requireText(enterpriseUscc, "payload.enterpriseUscc");
		Contracts.requireText(agentSubject, "payload.agentSubject");
	}

}
