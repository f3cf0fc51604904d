package org.yiwang.shared.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.yiwang.shared.contracts.AgentAuthorizationRevoked;
import org.yiwang.shared.contracts.AgentAuthorized;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A service's local copy of the enterprise authorisations (企业授权) granted in identity-service, kept from
 * {@code identity.AgentAuthorized} / {@code identity.AgentAuthorizationRevoked} in the service's own
 * {@code agent_authorisations} collection: upserted by authorisation id, so replays and duplicates change nothing
 * and a revocation overtaking its grant still wins. The service's listener (its own consumer group, idempotent)
 * hands the envelopes to {@link #apply}; the questions are asked here, against a clock the service supplies.
 */
public class AgentAuthorisationProjection {

	/** The event types {@link #apply} acts on. */
	public static final Set<String> TYPES = Set.of(AgentAuthorized.TYPE, AgentAuthorizationRevoked.TYPE);

	private final MongoTemplate mongo;

	public AgentAuthorisationProjection(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Applies an {@code identity.events} envelope; other event types are ignored. */
	public void apply(EventEnvelope envelope) {
		if (envelope.is(AgentAuthorized.TYPE)) {
			AgentAuthorized granted = EventCodec.payload(envelope, AgentAuthorized.class);
			mongo.upsert(byId(granted.authorizationId()),
					new Update().set("enterpriseUscc", granted.enterpriseUscc())
						.set("enterpriseName", granted.enterpriseName())
						.set("agentSubject", granted.agentSubject())
						.set("allItems", granted.allItems())
						.set("itemCodes", granted.itemCodes() == null ? List.of() : granted.itemCodes())
						.set("validFrom", granted.validFrom())
						.set("validUntil", granted.validUntil())
						.setOnInsert("revoked", false),
					AgentAuthorisation.class);
		}
		else if (envelope.is(AgentAuthorizationRevoked.TYPE)) {
			AgentAuthorizationRevoked revoked = EventCodec.payload(envelope, AgentAuthorizationRevoked.class);
			mongo.upsert(byId(revoked.authorizationId()),
					new Update().set("revoked", true)
						.setOnInsert("enterpriseUscc", revoked.enterpriseUscc())
						.setOnInsert("agentSubject", revoked.agentSubject()),
					AgentAuthorisation.class);
		}
	}

	/** The agent's authorisations in force at {@code now}, for one enterprise or (uscc null) for any. */
	public List<AgentAuthorisation> active(String agentSubject, String uscc, Instant now) {
		if (agentSubject == null) {
			return List.of();
		}
		Criteria criteria = Criteria.where("agentSubject").is(agentSubject).and("revoked").is(false);
		if (uscc != null) {
			criteria = criteria.and("enterpriseUscc").is(uscc);
		}
		return mongo.find(new Query(criteria), AgentAuthorisation.class).stream().filter(a -> a.activeAt(now)).toList();
	}

	/** Any authorisation of the agent for the enterprise in force: to see and follow what is the enterprise's. */
	public boolean mayActFor(String agentSubject, String uscc, Instant now) {
		return uscc != null && !active(agentSubject, uscc, now).isEmpty();
	}

	/** Authorisations in force that together cover every one of the items: to apply for them. */
	public boolean mayActFor(String agentSubject, String uscc, Collection<String> itemCodes, Instant now) {
		List<AgentAuthorisation> authorisations = uscc == null ? List.of() : active(agentSubject, uscc, now);
		return !authorisations.isEmpty()
				&& itemCodes.stream().allMatch(code -> authorisations.stream().anyMatch(a -> a.covers(code)));
	}

	/** The enterprises (USCC) the agent may act for at {@code now}. */
	public List<String> enterprisesOf(String agentSubject, Instant now) {
		return active(agentSubject, null, now).stream().map(AgentAuthorisation::enterpriseUscc).distinct().toList();
	}

	/** The enterprise's name as the latest grant named it. */
	public Optional<String> enterpriseName(String uscc) {
		return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("enterpriseUscc").is(uscc)),
				AgentAuthorisation.class)).map(AgentAuthorisation::enterpriseName);
	}

	private static Query byId(String authorizationId) {
		return new Query(Criteria.where("_id").is(authorizationId));
	}

	/** One authorisation as the service knows it; a revocation is final even when it arrived before the grant. */
	@Document("agent_authorisations")
	public record AgentAuthorisation(@Id String authorizationId, String enterpriseUscc, String enterpriseName,
			String agentSubject, boolean allItems, List<String> itemCodes, Instant validFrom, Instant validUntil,
			boolean revoked) {

		public boolean activeAt(Instant now) {
			return !revoked && enterpriseUscc != null && (validFrom == null || !validFrom.isAfter(now))
					&& (validUntil == null || validUntil.isAfter(now));
		}

		public boolean covers(String itemCode) {
			return allItems || (itemCodes != null && itemCodes.contains(itemCode));
		}

	}

}
