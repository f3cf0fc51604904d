package org.yiwang.license.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

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
 * Enterprise authorisations from identity-service ({@code identity.events}), upserted by authorisation id so that
 * replays and duplicates change nothing and a revocation overtaking its grant still wins.
 */
@Component
class IdentityEvents implements AgentAuthorisations {

	static final String CONSUMER = "license-service.identity";

	private final IdempotentConsumer idempotent;

	private final MongoTemplate mongo;

	private final Clock clock;

	IdentityEvents(IdempotentConsumer idempotent, MongoTemplate mongo, Clock clock) {
		this.idempotent = idempotent;
		this.mongo = mongo;
		this.clock = clock;
	}

	@KafkaListener(topics = Topics.IDENTITY,
			groupId = "${platform.license.identity-consumer-group:license-service}")
	void on(String record) {
		idempotent.handle(CONSUMER, record, envelope -> {
			if (envelope.is(AgentAuthorized.TYPE)) {
				AgentAuthorized granted = EventCodec.payload(envelope, AgentAuthorized.class);
				mongo.upsert(byId(granted.authorizationId()),
						new Update().set("enterpriseUscc", granted.enterpriseUscc())
							.set("enterpriseName", granted.enterpriseName())
							.set("agentSubject", granted.agentSubject())
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
		return agentSubject != null && uscc != null && !active(agentSubject, uscc).isEmpty();
	}

	@Override
	public List<String> enterprisesOf(String agentSubject) {
		return active(agentSubject, null).stream().map(AgentAuthorisation::enterpriseUscc).distinct().toList();
	}

}
