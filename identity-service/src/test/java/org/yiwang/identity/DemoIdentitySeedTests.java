package org.yiwang.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yiwang.identity.authorization.AgentAuthorization;
import org.yiwang.identity.authorization.AgentAuthorizations;
import org.yiwang.identity.authorization.EnterpriseAuthorizations;
import org.yiwang.identity.enterprise.EnterpriseType;
import org.yiwang.identity.enterprise.LegalPerson;
import org.yiwang.identity.enterprise.LegalPersons;
import org.yiwang.identity.person.AssuranceLevel;
import org.yiwang.identity.person.IdNumber;
import org.yiwang.identity.person.NaturalPerson;
import org.yiwang.identity.person.NaturalPersons;
import org.yiwang.identity.person.PersonalData;
import org.yiwang.shared.contracts.AgentAuthorized;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.testing.EventProbe;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo identities (platform.demo.seed=true): the realm's demo citizens have verified persons, their enterprises
 * exist with them as legal representatives, wangwu acts for 张三餐饮 and {@code identity.AgentAuthorized} reached
 * the real broker — once, however often the seeder runs.
 */
@SpringBootTest(properties = "platform.demo.seed=true")
@AutoConfigureMockMvc
class DemoIdentitySeedTests {

	static final String ZHANGSAN = "5d1c2a9e-7f3b-4c8a-9e01-00000000a001";

	static final String LISI = "5d1c2a9e-7f3b-4c8a-9e01-00000000a002";

	static final String WANGWU = "5d1c2a9e-7f3b-4c8a-9e01-00000000a003";

	static final String CATERING = "91440305MA5G8K2L7Y";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "identity-demo-seed-test");
		registry.add("identity.pii.key-dir",
				() -> Path.of("target", "test-keys", UUID.randomUUID().toString()).toString());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	NaturalPersons persons;

	@Autowired
	LegalPersons enterprises;

	@Autowired
	AgentAuthorizations authorizations;

	@Autowired
	PersonalData personalData;

	@Autowired
	EnterpriseAuthorizations enterpriseAuthorizations;

	@Autowired
	ApplicationRunner demoIdentitySeeder;

	@Test
	void theDemoCitizensTheirEnterprisesAndWangwusAuthorisationAreSeeded() throws Exception {
		assertThat(persons.count()).isEqualTo(3);
		assertPerson(ZHANGSAN, "zhangsan", "张三", "440305199003071236");
		assertPerson(LISI, "lisi", "李四", "440304198511212348");
		assertPerson(WANGWU, "wangwu", "王五", "440106197806153450");

		assertThat(enterprises.count()).isEqualTo(3);
		assertEnterprise(CATERING, "深圳市南山区张三餐饮管理有限公司", EnterpriseType.COMPANY, "张三", ZHANGSAN);
		assertEnterprise("91440304MA5F3J9N17", "深圳市福田区李四科技有限公司", EnterpriseType.COMPANY, "李四", LISI);
		assertEnterprise("92440106MA9X4P7Q29", "广州市天河区王五建材商行", EnterpriseType.INDIVIDUAL_BUSINESS, "王五", WANGWU);

		List<AgentAuthorization> all = authorizations.findAll();
		assertThat(all).hasSize(1);
		AgentAuthorization authorization = all.get(0);
		assertThat(authorization.getEnterpriseUscc()).isEqualTo(CATERING);
		assertThat(authorization.getAgentSubject()).isEqualTo(WANGWU);
		assertThat(authorization.getGrantedBy()).isEqualTo(ZHANGSAN);
		assertThat(authorization.isAllItems()).isTrue();
		assertThat(authorization.getValidUntil()).isCloseTo(
				ZonedDateTime.ofInstant(authorization.getValidFrom(), IdNumber.ZONE).plusYears(1).toInstant(),
				within(Duration.ofSeconds(1)));
		assertThat(authorization.getValidFrom()).isCloseTo(Instant.now(), within(Duration.ofMinutes(5)));
		assertThat(enterpriseAuthorizations.check(CATERING, WANGWU, "44030000SCJG-XK-0001").allowed()).isTrue();
		assertThat(enterpriseAuthorizations.check(CATERING, LISI, "44030000SCJG-XK-0001").allowed()).isFalse();

		mvc.perform(get("/api/v1/identity/me").with(TestJwts.citizen(WANGWU)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.assuranceLevel").value("ID_VERIFIED"))
			.andExpect(jsonPath("$.idNumber").value("4401**********3450"))
			.andExpect(jsonPath("$.enterprises[?(@.role == 'AGENT')].uscc").value(CATERING))
			.andExpect(jsonPath("$.enterprises[?(@.role == 'LEGAL_REPRESENTATIVE')].uscc").value("92440106MA9X4P7Q29"));

		try (EventProbe probe = EventProbe.on(Topics.IDENTITY)) {
			EventEnvelope event = probe.await(AgentAuthorized.TYPE, e -> e.aggregateId().equals(authorization.getId()));
			AgentAuthorized payload = EventCodec.payload(event, AgentAuthorized.class);
			assertThat(payload.enterpriseUscc()).isEqualTo(CATERING);
			assertThat(payload.enterpriseName()).isEqualTo("深圳市南山区张三餐饮管理有限公司");
			assertThat(payload.agentSubject()).isEqualTo(WANGWU);
			assertThat(payload.agentName()).isEqualTo("王五");
			assertThat(payload.allItems()).isTrue();
			assertThat(payload.itemCodes()).isEmpty();
			assertThat(payload.grantedBy()).isEqualTo(ZHANGSAN);
			assertThat(EventCodec.write(event)).doesNotContain("440305199003071236").doesNotContain("440106197806153450");
		}
	}

	@Test
	void seedingAgainAddsNothingAndPublishesNothingAgain() throws Exception {
		String authorizationId = authorizations.findAll().get(0).getId();
		try (EventProbe probe = EventProbe.on(Topics.IDENTITY)) {
			probe.await(AgentAuthorized.TYPE, e -> e.aggregateId().equals(authorizationId));
			List<String> before = snapshot();

			demoIdentitySeeder.run(new DefaultApplicationArguments());
			demoIdentitySeeder.run(new DefaultApplicationArguments());

			assertThat(snapshot()).isEqualTo(before);
			assertThat(probe.all(AgentAuthorized.TYPE, Duration.ofSeconds(3))
				.stream()
				.filter(e -> e.aggregateId().equals(authorizationId))).hasSize(1);
		}
	}

	/** Every seeded document with its identity and revision: nothing added, nothing rewritten. */
	List<String> snapshot() {
		List<String> documents = new java.util.ArrayList<>();
		persons.findAll().forEach(p -> documents.add("person " + p.getId() + " " + p.getSubject() + " " + p.getRegisteredAt()));
		enterprises.findAll().forEach(e -> documents.add("enterprise " + e.getUscc() + " " + e.getRegisteredAt()));
		authorizations.findAll().forEach(a -> documents.add("authorization " + a.getId() + " " + a.getGrantedAt()));
		documents.sort(null);
		return documents;
	}

	void assertPerson(String subject, String username, String name, String idNumber) {
		NaturalPerson person = persons.findBySubject(subject).orElseThrow();
		assertThat(person.getUsername()).isEqualTo(username);
		assertThat(person.getName()).isEqualTo(name);
		assertThat(person.getAssuranceLevel()).isEqualTo(AssuranceLevel.ID_VERIFIED);
		assertThat(personalData.reveal(person.getIdNumber()).value()).isEqualTo(idNumber);
		assertThat(person.getIdNumber().cipher()).doesNotContain(idNumber);
		assertThat(person.getIdNumber().masked()).isEqualTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
	}

	void assertEnterprise(String uscc, String name, EnterpriseType type, String representativeName,
			String representativeSubject) {
		LegalPerson enterprise = enterprises.findById(uscc).orElseThrow();
		assertThat(enterprise.getName()).isEqualTo(name);
		assertThat(enterprise.getType()).isEqualTo(type);
		assertThat(enterprise.getLegalRepresentativeName()).isEqualTo(representativeName);
		String representativeHash = persons.findBySubject(representativeSubject).orElseThrow().getIdNumber().hash();
		assertThat(enterprise.representedBy(representativeHash)).isTrue();
	}

}
