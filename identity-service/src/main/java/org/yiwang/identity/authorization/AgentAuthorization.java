package org.yiwang.identity.authorization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.yiwang.shared.contracts.AgentAuthorized;
import org.yiwang.shared.contracts.AgentAuthorizationRevoked;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.outbox.OutboxMessage;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 企业授权: the legal representative lets an agent (经办人) act for the enterprise, for some items or all, until an
 * expiry; revocable. Each change is recorded in the document's outbox and published on {@code identity.events}
 * so other services keep their own copy current.
 */
@Document("authorizations")
public class AgentAuthorization {

	@Id
	private String id;

	@Indexed
	private String enterpriseUscc;

	private String enterpriseName;

	@Indexed
	private String agentSubject;

	private String agentName;

	private boolean allItems;

	private List<String> itemCodes;

	private Instant validFrom;

	private Instant validUntil;

	private String grantedBy;

	private Instant grantedAt;

	private AuthorizationStatus status;

	private String revokedBy;

	private Instant revokedAt;

	@Version
	private Long revision;

	private List<OutboxMessage> outbox = new ArrayList<>();

	@PersistenceCreator
	AgentAuthorization() {
	}

	public enum AuthorizationStatus {

		ACTIVE, REVOKED

	}

	public static AgentAuthorization grant(String id, String enterpriseUscc, String enterpriseName, String agentSubject,
			String agentName, List<String> itemCodes, Instant validUntil, String grantedBy, Instant now) {
		if (validUntil == null || !validUntil.isAfter(now)) {
			throw new IllegalArgumentException("an authorisation must expire in the future");
		}
		if (agentSubject.equals(grantedBy)) {
			throw new IllegalArgumentException("the legal representative acts for the enterprise already");
		}
		AgentAuthorization authorization = new AgentAuthorization();
		authorization.id = id;
		authorization.enterpriseUscc = enterpriseUscc;
		authorization.enterpriseName = enterpriseName;
		authorization.agentSubject = agentSubject;
		authorization.agentName = agentName;
		authorization.allItems = itemCodes == null || itemCodes.isEmpty();
		authorization.itemCodes = authorization.allItems ? List.of() : List.copyOf(itemCodes);
		authorization.validFrom = now;
		authorization.validUntil = validUntil;
		authorization.grantedBy = grantedBy;
		authorization.grantedAt = now;
		authorization.status = AuthorizationStatus.ACTIVE;
		authorization.outbox.add(OutboxMessage.of(Topics.IDENTITY, AgentAuthorized.TYPE, AgentAuthorized.VERSION, id,
				new AgentAuthorized(id, enterpriseUscc, enterpriseName, agentSubject, agentName,
						authorization.allItems, authorization.itemCodes, now, validUntil, grantedBy, now)));
		return authorization;
	}

	public void revoke(String by, Instant now) {
		if (status == AuthorizationStatus.REVOKED) {
			throw new IllegalStateException("the authorisation is already revoked");
		}
		status = AuthorizationStatus.REVOKED;
		revokedBy = by;
		revokedAt = now;
		outbox.add(OutboxMessage.of(Topics.IDENTITY, AgentAuthorizationRevoked.TYPE, AgentAuthorizationRevoked.VERSION,
				id, new AgentAuthorizationRevoked(id, enterpriseUscc, agentSubject, by, now)));
	}

	/** Whether the agent may act now for this item (null item: for the enterprise at all). */
	public boolean permits(String itemCode, Instant now) {
		return status == AuthorizationStatus.ACTIVE && now.isBefore(validUntil) && !now.isBefore(validFrom)
				&& (allItems || itemCode == null || itemCodes.contains(itemCode));
	}

	public String getId() {
		return id;
	}

	public String getEnterpriseUscc() {
		return enterpriseUscc;
	}

	public String getEnterpriseName() {
		return enterpriseName;
	}

	public String getAgentSubject() {
		return agentSubject;
	}

	public String getAgentName() {
		return agentName;
	}

	public boolean isAllItems() {
		return allItems;
	}

	public List<String> getItemCodes() {
		return itemCodes;
	}

	public Instant getValidFrom() {
		return validFrom;
	}

	public Instant getValidUntil() {
		return validUntil;
	}

	public String getGrantedBy() {
		return grantedBy;
	}

	public Instant getGrantedAt() {
		return grantedAt;
	}

	public AuthorizationStatus getStatus() {
		return status;
	}

	public String getRevokedBy() {
		return revokedBy;
	}

	public Instant getRevokedAt() {
		return revokedAt;
	}

}
