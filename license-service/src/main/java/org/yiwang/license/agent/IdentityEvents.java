package org.yiwang.license.agent;

import java.time.Clock;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.identity.AgentAuthorisationProjection;
import org.yiwang.shared.messaging.IdempotentConsumer;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Enterprise authorisations from identity-service ({@code identity.events}) in license-service's own copy
 * ({@link AgentAuthorisationProjection}): who may see and share an enterprise's licences as its agent.
 */
@Component
class IdentityEvents implements AgentAuthorisations {

	static final String CONSUMER = "license-service.identity";

	private final IdempotentConsumer idempotent;

	private final AgentAuthorisationProjection projection;

	private final Clock clock;

	IdentityEvents(IdempotentConsumer idempotent, MongoTemplate mongo, Clock clock) {
		this.idempotent = idempotent;
		this.projection = new AgentAuthorisationProjection(mongo);
		this.clock = clock;
	}

	@KafkaListener(topics = Topics.IDENTITY,
			groupId = "${platform.license.identity-consumer-group:license-service}")
	void on(ConsumerRecord<String, String> record) {
		idempotent.handle(CONSUMER, record, AgentAuthorisationProjection.TYPES, projection::apply);
	}

	@Override
	public boolean mayActFor(String agentSubject, String uscc) {
		return projection.mayActFor(agentSubject, uscc, clock.instant());
	}

	@Override
	public List<String> enterprisesOf(String agentSubject) {
		return projection.enterprisesOf(agentSubject, clock.instant());
	}

}
