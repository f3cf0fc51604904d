package org.yiwang.application.material;

/**
 * PORT to identity-service (not wired yet): whether an enterprise agent may act for an enterprise (by its 统一社会
 * 信用代码). Until wired, applications are made in the agent's own name (as in the skeleton).
 */
public interface AgentAuthorisations {

	boolean mayActFor(String agentSubject, String uscc);

}
