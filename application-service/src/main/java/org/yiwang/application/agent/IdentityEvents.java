package org.yiwang.application.agent;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.identity.AgentAuthorisationProjection;
import org.yiwang.shared.messaging.IdempotentConsumer;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Enterprise authorisations from identity-service ({@code identity.events}) in application-service's own copy
 * ({@link AgentAuthorisationProjection}), and the answers the desk asks of them.
 */
@Component
class IdentityEvents implements AgentAuthorisations {

	static final String CONSUMER = "application-service.identity";

	private final IdempotentConsumer idempotent;

	private final AgentAuthorisationProjection projection;

	private final Clock clock;

	IdentityEvents(IdempotentConsumer idempotent, MongoTemplate mongo, Clock clock) {
		this.idempotent = idempotent;
		this.projection = new AgentAuthorisationProjection(mongo);
		this.clock = clock;
	}

	@KafkaListener(topics = Topics.IDENTITY, groupId = "application-service")
	void on(ConsumerRecord<String, String> record) {
		idempotent.handle(CONSUMER, record, AgentAuthorisationProjection.TYPES, projection::apply);
	}

	@Override
	public boolean mayActFor(String agentSubject, String uscc) {
		return projection.mayActFor(agentSubject, uscc, clock.instant());
	}

	@Override
	public boolean mayActFor(String agentSubject, String uscc, Collection<String> itemCodes) {
		return projection.mayActFor(agentSubject, uscc, itemCodes, clock.instant());
	}

	@Override
	public List<String> enterprisesOf(String agentSubject) {
		return projection.enterprisesOf(agentSubject, clock.instant());
	}

	@Override
	public Optional<String> enterpriseName(String uscc) {
		return projection.enterpriseName(uscc);
	}

}
