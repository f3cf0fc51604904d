package org.yiwang.shared.contracts;

import java.time.Instant;
import java.util.List;

/**
 * {@code identity.AgentAuthorized} v1 on {@code identity.events}: an agent may act for an enterprise, for the
 * listed items (or all items when {@code allItems}), until {@code validUntil}. Key = authorizationId.
 */
public record AgentAuthorized(String authorizationId, String enterpriseUscc, String enterpriseName,
		String agentSubject, String agentName, boolean allItems, List<String> itemCodes, Instant validFrom,
		Instant validUntil, String grantedBy, Instant grantedAt) {

	public static final String TYPE = "identity.AgentAuthorized";

	public static final int VERSION = 1;

	public AgentAuthorized {
		Contracts.requireText(authorizationId, "payload.authorizationId");
		Contracts.requireText(enterpriseUscc, "payload.enterpriseUscc");
		Contracts.requireText(agentSubject, "payload.agentSubject");
	}

}
