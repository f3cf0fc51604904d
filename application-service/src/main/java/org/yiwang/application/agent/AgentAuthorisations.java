package org.yiwang.application.agent;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Whether an enterprise agent may act for an enterprise (统一社会信用代码), as granted by its legal representative in
 * identity-service and learnt here from {@code identity.events}: active = granted, not revoked, not expired.
 */
public interface AgentAuthorisations {

	/** Any active authorisation of the agent for the enterprise: to see and follow its applications. */
	boolean mayActFor(String agentSubject, String uscc);

	/** An active authorisation covering every one of the items: to apply for them in the enterprise's name. */
	boolean mayActFor(String agentSubject, String uscc, Collection<String> itemCodes);

	/** The enterprises the agent currently may act for. */
	List<String> enterprisesOf(String agentSubject);

	Optional<String> enterpriseName(String uscc);

}
