package org.yiwang.application.agent;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What application-service knows of one authorisation granted in identity-service: kept current from
 * {@code identity.AgentAuthorized} / {@code identity.AgentAuthorizationRevoked}; a revocation is final even when
 * it arrives before the grant.
 */
@Document("agent_authorisations")
record AgentAuthorisation(@Id String authorizationId, String enterpriseUscc, String enterpriseName,
		String agentSubject, boolean allItems, List<String> itemCodes, Instant validUntil, boolean revoked) {

	boolean activeAt(Instant now) {
		return !revoked && enterpriseUscc != null && (validUntil == null || validUntil.isAfter(now));
	}

	boolean covers(String itemCode) {
		return allItems || (itemCodes != null && itemCodes.contains(itemCode));
	}

}
