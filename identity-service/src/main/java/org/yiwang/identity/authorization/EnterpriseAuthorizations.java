package org.yiwang.identity.authorization;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.yiwang.identity.authorization.AgentAuthorization.AuthorizationStatus;
import org.yiwang.identity.enterprise.EnterpriseRegistry;
import org.yiwang.identity.enterprise.LegalPerson;
import org.yiwang.identity.keycloak.KeycloakAdmin;
import org.yiwang.identity.person.CitizenRegistration;
import org.yiwang.identity.person.NaturalPerson;
import org.yiwang.identity.person.NaturalPersons;
import org.yiwang.identity.person.PersonalData;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.ForbiddenException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.stereotype.Service;

/**
 * Granting, revoking and checking 企业授权. Only the legal representative grants and revokes; services (and the
 * agent) ask {@link #check} whether an agent may act for an enterprise on an item.
 */
@Service
public class EnterpriseAuthorizations {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EnterpriseAuthorizations.class);

	private final AgentAuthorizations authorizations;

	private final EnterpriseRegistry registry;

	private final NaturalPersons persons;

	private final PersonalData personalData;

	private final KeycloakAdmin keycloak;

	private final Clock clock;

	@org.springframework.beans.factory.annotation.Autowired
	EnterpriseAuthorizations(AgentAuthorizations authorizations, EnterpriseRegistry registry, NaturalPersons persons,
			PersonalData personalData, KeycloakAdmin keycloak) {
		this(authorizations, registry, persons, personalData, keycloak, Clock.systemUTC());
	}

	EnterpriseAuthorizations(AgentAuthorizations authorizations, EnterpriseRegistry registry, NaturalPersons persons,
			PersonalData personalData, KeycloakAdmin keycloak, Clock clock) {
		this.keycloak = keycloak;
		this.authorizations = authorizations;
		this.registry = registry;
		this.persons = persons;
		this.personalData = personalData;
		this.clock = clock;
	}

	/** The agent is named by ID number (as on a paper 授权委托书) or by platform subject. */
	public record Grant(String agentIdNumber, String agentSubject, List<String> itemCodes, Instant validUntil) {

		@Override
		public String toString() {
			return "Grant[" + agentSubject + ", items=" + itemCodes + ", until=" + validUntil + "]";
		}

	}

	public AgentAuthorization grant(CurrentUser user, String uscc, Grant grant) {
		LegalPerson enterprise = representedEnterprise(user, uscc);
		NaturalPerson agent = agent(grant);
		if (grant.validUntil() == null || !grant.validUntil().isAfter(clock.instant())) {
			throw new InvalidRequestException("an authorisation must expire in the future", "validUntil", "future");
		}
		if (agent.getSubject().equals(user.subject())) {
			throw new InvalidRequestException("the legal representative acts for the enterprise already",
					"agentSubject", "not-self");
		}
		List<String> items = grant.itemCodes() == null ? List.of() : grant.itemCodes();
		if (items.stream().anyMatch(code -> code == null || code.isBlank() || code.length() > 64)) {
			throw new InvalidRequestException("item codes must be given", "itemCodes", "item-code");
		}
		AgentAuthorization authorization = AgentAuthorization.grant(UUID.randomUUID().toString(),
				enterprise.getUscc(), enterprise.getName(), agent.getSubject(), agent.getName(), items,
				grant.validUntil(), user.subject(), clock.instant());
		// the coarse role first: if Keycloak is down the grant fails as a whole (503), nothing is stored
		keycloak.addRealmRoles(agent.getSubject(), List.of(CurrentUser.ENTERPRISE_AGENT));
		return authorizations.save(authorization);
	}

	public AgentAuthorization revoke(CurrentUser user, String uscc, String authorizationId) {
		LegalPerson enterprise = representedEnterprise(user, uscc);
		AgentAuthorization authorization = authorizations.findById(authorizationId)
			.filter(a -> a.getEnterpriseUscc().equals(enterprise.getUscc()))
			.orElseThrow(() -> new NotFoundException("no authorisation " + authorizationId));
		if (authorization.getStatus() == AuthorizationStatus.REVOKED) {
			throw new ConflictException("the authorisation is already revoked", null, "status");
		}
		authorization.revoke(user.subject(), clock.instant());
		AgentAuthorization revoked = authorizations.save(authorization);
		dropAgentRoleIfLast(revoked.getAgentSubject());
		return revoked;
	}

	/**
	 * The revocation itself never waits for Keycloak: it is stored (and published) first. The coarse role
	 * enterprise-agent is removed afterwards when no other authorisation remains; if Keycloak is down the role stays,
	 * which grants nothing by itself, since services check the authorisation.
	 */
	private void dropAgentRoleIfLast(String agentSubject) {
		Instant now = clock.instant();
		boolean another = authorizations.findByAgentSubjectAndStatus(agentSubject, AuthorizationStatus.ACTIVE)
			.stream()
			.anyMatch(a -> a.permits(null, now));
		if (another) {
			return;
		}
		try {
			keycloak.removeRealmRoles(agentSubject, List.of(CurrentUser.ENTERPRISE_AGENT));
		}
		catch (RuntimeException ex) {
			log.warn("role enterprise-agent not removed from {} after revocation: {}", agentSubject, ex.getMessage());
		}
	}

	public List<AgentAuthorization> ofEnterprise(CurrentUser user, String uscc) {
		if (!user.hasRole(CurrentUser.PLATFORM_ADMIN)) {
			representedEnterprise(user, uscc);
		}
		return authorizations.findByEnterpriseUscc(uscc);
	}

	/** The answer of the check endpoint. */
	public record Check(String enterprise, String agent, String item, boolean allowed, String basis,
			String authorizationId, Instant validUntil) {
	}

	public Check check(String uscc, String agentSubject, String itemCode) {
		Instant now = clock.instant();
		Optional<LegalPerson> enterprise = registryFind(uscc);
		if (enterprise.isPresent() && registry.isLegalRepresentative(agentSubject, enterprise.get())) {
			return new Check(uscc, agentSubject, itemCode, true, "LEGAL_REPRESENTATIVE", null, null);
		}
		return authorizations.findByEnterpriseUsccAndAgentSubjectAndStatus(uscc, agentSubject, AuthorizationStatus.ACTIVE)
			.stream()
			.filter(a -> a.permits(itemCode, now))
			.findFirst()
			.map(a -> new Check(uscc, agentSubject, itemCode, true, "AUTHORIZATION", a.getId(), a.getValidUntil()))
			.orElse(new Check(uscc, agentSubject, itemCode, false, null, null, null));
	}

	/** An enterprise the caller may act for, as shown by /me. */
	public record ActingFor(String uscc, String name, String role, boolean allItems, List<String> itemCodes,
			Instant validUntil) {
	}

	public List<ActingFor> actingFor(String subject) {
		Instant now = clock.instant();
		List<ActingFor> result = new ArrayList<>();
		for (LegalPerson enterprise : registry.representedBy(subject)) {
			result.add(new ActingFor(enterprise.getUscc(), enterprise.getName(), "LEGAL_REPRESENTATIVE", true, List.of(),
					null));
		}
		for (AgentAuthorization a : authorizations.findByAgentSubjectAndStatus(subject, AuthorizationStatus.ACTIVE)) {
			if (a.permits(null, now)) {
				result.add(new ActingFor(a.getEnterpriseUscc(), a.getEnterpriseName(), "AGENT", a.isAllItems(),
						a.getItemCodes(), a.getValidUntil()));
			}
		}
		return result;
	}

	private Optional<LegalPerson> registryFind(String uscc) {
		try {
			return Optional.of(registry.get(uscc));
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	private LegalPerson representedEnterprise(CurrentUser user, String uscc) {
		LegalPerson enterprise = registry.get(uscc);
		if (!registry.isLegalRepresentative(user.subject(), enterprise)) {
			throw new ForbiddenException("only the legal representative of " + uscc + " grants and revokes");
		}
		return enterprise;
	}

	private NaturalPerson agent(Grant grant) {
		if (grant.agentIdNumber() != null && !grant.agentIdNumber().isBlank()) {
			String hash = personalData.hash(CitizenRegistration.parseIdNumber(grant.agentIdNumber()));
			return persons.findByIdNumberHash(hash)
				.orElseThrow(() -> new InvalidRequestException("the agent has no account on the platform yet",
						"agentIdNumber", "registered"));
		}
		if (grant.agentSubject() != null && !grant.agentSubject().isBlank()) {
			return persons.findBySubject(grant.agentSubject())
				.orElseThrow(() -> new InvalidRequestException("the agent has no account on the platform yet",
						"agentSubject", "registered"));
		}
		throw new InvalidRequestException("name the agent by ID number or subject", "agentIdNumber", "required");
	}

}
