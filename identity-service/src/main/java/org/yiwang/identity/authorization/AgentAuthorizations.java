package org.yiwang.identity.authorization;

import java.util.List;

import org.yiwang.identity.authorization.AgentAuthorization.AuthorizationStatus;

import org.springframework.data.mongodb.repository.MongoRepository;

/** All enterprise authorisations. */
public interface AgentAuthorizations extends MongoRepository<AgentAuthorization, String> {

	List<AgentAuthorization> findByEnterpriseUsccAndAgentSubjectAndStatus(String uscc, String agentSubject,
			AuthorizationStatus status);

	List<AgentAuthorization> findByAgentSubjectAndStatus(String agentSubject, AuthorizationStatus status);

	List<AgentAuthorization> findByEnterpriseUscc(String uscc);

}
