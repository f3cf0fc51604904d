package org.yiwang.license.agent;

import java.util.List;

/**
 * Whether an enterprise agent (经办人) may currently act for an enterprise, as its legal representative granted in
 * identity-service: granted, in its validity period, not revoked. An agent sees, shares and gets the paper form of
 * the enterprise's licences only while this holds.
 */
public interface AgentAuthorisations {

	boolean mayActFor(String agentSubject, String uscc);

	/** The enterprises (USCC) the agent currently may act for. */
	List<String> enterprisesOf(String agentSubject);

}
