package org.yiwang.application.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.yiwang.shared.contracts.AgentAuthorizationRevoked;
import org.yiwang.shared.contracts.AgentAuthorized;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.messaging.IdempotentConsumer;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Enterprise authorisations from identity-service, upserted by authorisation id (replays and duplicates change
 * nothing), and the answers the desk asks of them.
 */
@Component
class IdentityEvents implements AgentAuthorisations {

	static final String CONSUMER = "application-service.identity";

	private final IdempotentConsumer idempotent;

	private final MongoTemplate mongo;

	private final Clock clock;

	IdentityEvents(IdempotentConsumer idempotent, MongoTemplate mongo, Clock clock) {
		this.idempotent = idempotent;
		this.mongo = mongo;
		this.clock = clock;
	}

	@KafkaListener(topics = Topics.IDENTITY, groupId = "application-service")
	void on(String record) {
		idempotent.handle(CONSUMER, record, envelope -> {
			if (envelope.is(AgentAuthorized.TYPE)) {
				AgentAuthorized granted = EventCodec.payload(envelope, AgentAuthorized.class);
				mongo.upsert(byId(granted.authorizationId()),
						new Update().set("enterpriseUscc", granted.enterpriseUscc())
							.set("enterpriseName", granted.enterpriseName())
							.set("agentSubject", granted.agentSubject())
							.set("allItems", granted.allItems())
							.set("itemCodes", granted.itemCodes() == null ? List.of() : granted.itemCodes())
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
		});
	}

	private static Query byId(String authorizationId) {
		return new Query(Criteria.where("_id").is(authorizationId));
	}

	private List<AgentAuthorisation> active(String agentSubject, String uscc) {
		Criteria criteria = Criteria.where("agentSubject").is(agentSubject).and("revoked").is(false);
		if (uscc != null) {
			criteria = criteria.and("enterpriseUscc").is(uscc);
		}
		Instant now = Instant.now(clock);
		return mongo.find(new Query(criteria), AgentAuthorisation.class).stream().filter(a -> a.activeAt(now)).toList();
	}

	@Override
	public boolean mayActFor(String agentSubject, String uscc) {
		return !active(agentSubject, uscc).isEmpty();
	}

	@Override
	public boolean mayActFor(String agentSubject, String uscc, Collection<String> itemCodes) {
		List<AgentAuthorisation> authorisations = active(agentSubject, uscc);
		return itemCodes.stream().allMatch(code -> authorisations.stream().anyMatch(a -> a.covers(code)));
	}

	@Override
	public List<String> enterprisesOf(String agentSubject) {
		return active(agentSubject, null).stream().map(AgentAuthorisation::enterpriseUscc).distinct().toList();
	}

	@Override
	public Optional<String> enterpriseName(String uscc) {
		return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("enterpriseUscc").is(uscc)),
				AgentAuthorisation.class)).map(AgentAuthorisation::enterpriseName);
	}

}
