package org.yiwang.identity.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.identity.authorization.AgentAuthorization;
import org.yiwang.identity.authorization.AgentAuthorizations;
import org.yiwang.identity.demo.DemoIdentities.DemoAuthorization;
import org.yiwang.identity.demo.DemoIdentities.DemoEnterprise;
import org.yiwang.identity.demo.DemoIdentities.DemoPerson;
import org.yiwang.identity.enterprise.LegalPerson;
import org.yiwang.identity.enterprise.LegalPersons;
import org.yiwang.identity.enterprise.Uscc;
import org.yiwang.identity.person.AssuranceLevel;
import org.yiwang.identity.person.IdNumber;
import org.yiwang.identity.person.NaturalPerson;
import org.yiwang.identity.person.NaturalPersons;
import org.yiwang.identity.person.PersonalData;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Seeds {@link DemoIdentities} when {@code platform.demo.seed=true} (the same gate as the demo catalog): persons
 * bound to the realm's demo citizens (real-name level ID_VERIFIED), their enterprises, and the authorisation of
 * wangwu for 张三餐饮 — made by {@link AgentAuthorization#grant}, so {@code identity.AgentAuthorized} leaves through
 * the outbox like any other grant. Whatever exists already (by subject, ID number, USCC, or the authorisation's
 * id, which is derived from enterprise and agent) is left alone: a restart or a second replica adds nothing and
 * publishes nothing again, and a demo authorisation revoked by hand stays revoked. wangwu holds the realm role
 * {@code enterprise-agent} in the realm file already, so Keycloak is not called.
 */
@Component
@ConditionalOnBooleanProperty("platform.demo.seed")
class DemoIdentitySeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoIdentitySeeder.class);

	private final NaturalPersons persons;

	private final LegalPersons enterprises;

	private final AgentAuthorizations authorizations;

	private final PersonalData personalData;

	private final Clock clock = Clock.systemUTC();

	DemoIdentitySeeder(NaturalPersons persons, LegalPersons enterprises, AgentAuthorizations authorizations,
			PersonalData personalData) {
		this.persons = persons;
		this.enterprises = enterprises;
		this.authorizations = authorizations;
		this.personalData = personalData;
	}

	@Override
	public void run(ApplicationArguments args) {
		int seededPersons = 0;
		for (DemoPerson person : DemoIdentities.PERSONS) {
			seededPersons += seed(person) ? 1 : 0;
		}
		int seededEnterprises = 0;
		for (DemoEnterprise enterprise : DemoIdentities.ENTERPRISES) {
			seededEnterprises += seed(enterprise) ? 1 : 0;
		}
		int seededAuthorizations = 0;
		for (DemoAuthorization authorization : DemoIdentities.AUTHORIZATIONS) {
			seededAuthorizations += seed(authorization) ? 1 : 0;
		}
		log.info("demo identities: {} of {} persons, {} of {} enterprises, {} of {} authorisations seeded (DEMO DATA)",
				seededPersons, DemoIdentities.PERSONS.size(), seededEnterprises, DemoIdentities.ENTERPRISES.size(),
				seededAuthorizations, DemoIdentities.AUTHORIZATIONS.size());
	}

	private boolean seed(DemoPerson demo) {
		if (persons.existsBySubject(demo.subject())) {
			return false;
		}
		IdNumber idNumber = IdNumber.of(demo.idNumber());
		if (persons.existsByIdNumberHash(personalData.hash(idNumber))) {
			log.warn("demo person {} not seeded: another account holds the ID number {}", demo.username(), idNumber);
			return false;
		}
		Instant now = clock.instant();
		NaturalPerson person = NaturalPerson.register(UUID.randomUUID().toString(), demo.subject(), demo.username(),
				demo.name(), personalData.protect(idNumber), null, demo.email(), AssuranceLevel.ID_VERIFIED, now);
		try {
			persons.insert(person);
			return true;
		}
		catch (DuplicateKeyException ex) {
			// another replica seeded it first, or the number was registered meanwhile
			return false;
		}
	}

	private boolean seed(DemoEnterprise demo) {
		if (enterprises.existsById(demo.uscc())) {
			return false;
		}
		LegalPerson enterprise = new LegalPerson(Uscc.of(demo.uscc()), demo.name(), demo.type(),
				demo.legalRepresentative().name(), personalData.protect(IdNumber.of(demo.legalRepresentative().idNumber())),
				DemoIdentities.SEEDED_BY, clock.instant());
		try {
			enterprises.insert(enterprise);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private boolean seed(DemoAuthorization demo) {
		String id = authorizationId(demo);
		if (authorizations.existsById(id)) {
			return false;
		}
		DemoPerson representative = demo.enterprise().legalRepresentative();
		Optional<NaturalPerson> grantor = persons.findBySubject(representative.subject());
		Optional<NaturalPerson> agent = persons.findBySubject(demo.agent().subject());
		Optional<LegalPerson> enterprise = enterprises.findById(demo.enterprise().uscc());
		if (grantor.isEmpty() || agent.isEmpty() || enterprise.isEmpty()
				|| !enterprise.get().representedBy(grantor.get().getIdNumber().hash())) {
			log.warn("demo authorisation of {} for {} not seeded: representative, agent or enterprise missing",
					demo.agent().username(), demo.enterprise().uscc());
			return false;
		}
		Instant now = clock.instant();
		Instant validUntil = ZonedDateTime.ofInstant(now, IdNumber.ZONE).plusYears(1).toInstant();
		AgentAuthorization authorization = AgentAuthorization.grant(id, enterprise.get().getUscc(),
				enterprise.get().getName(), agent.get().getSubject(), agent.get().getName(), List.of(), validUntil,
				grantor.get().getSubject(), now);
		try {
			authorizations.insert(authorization);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Stable across starts and replicas, so the unique {@code _id} makes the grant happen once. */
	static String authorizationId(DemoAuthorization demo) {
		return UUID.nameUUIDFromBytes(("demo-authorization:" + demo.enterprise().uscc() + ":" + demo.agent().subject())
			.getBytes(StandardCharsets.UTF_8)).toString();
	}

}
