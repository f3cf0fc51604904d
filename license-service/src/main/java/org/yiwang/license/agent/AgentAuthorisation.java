package org.yiwang.license.agent;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What license-service knows of one enterprise authorisation granted in identity-service: kept current from
 * {@code identity.AgentAuthorized} / {@code identity.AgentAuthorizationRevoked}; a revocation is final even when it
 * arrives before the grant.
 */
@Document("agent_authorisations")
record AgentAuthorisation(@Id String authorizationId, String enterpriseUscc, String enterpriseName,
		String agentSubject, Instant validFrom, Instant validUntil, boolean revoked) {

	boolean activeAt(Instant now) {
		return !revoked && enterpriseUscc != null && (validFrom == null || !validFrom.isAfter(now))
				&& (validUntil == null || validUntil.isAfter(now));
	}

}
