package org.yiwang.identity;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.yiwang.identity.person.AssuranceLevel;
import org.yiwang.identity.person.IdNumber;
import org.yiwang.identity.person.NaturalPerson;
import org.yiwang.identity.person.NaturalPersons;
import org.yiwang.identity.person.PersonalData;
import org.yiwang.identity.resolution.SubjectResolver;
import org.yiwang.identity.testing.TestIds;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 主体解析: only the allow-listed platform services learn the plain ID number behind a subject; everyone else is
 * refused; the audit log line names the calling client and only ever the masked number (both in what the code
 * logs and in what reaches the console through logback-spring.xml).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SubjectResolutionTests {

	static final String PATH = "/api/v1/identity/subject-resolutions";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "identity-subject-resolution-test");
		registry.add("identity.pii.key-dir",
				() -> Path.of("target", "test-keys", UUID.randomUUID().toString()).toString());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	NaturalPersons persons;

	@Autowired
	PersonalData personalData;

	ListAppender<ILoggingEvent> audit = new ListAppender<>();

	@BeforeEach
	void captureAudit() {
		audit.start();
		((Logger) LoggerFactory.getLogger(SubjectResolver.class)).addAppender(audit);
	}

	@AfterEach
	void releaseAudit() {
		((Logger) LoggerFactory.getLogger(SubjectResolver.class)).detachAppender(audit);
	}

	/** A token as Keycloak issues it to a service-account client: {@code azp} = client, realm roles. */
	static JwtRequestPostProcessor client(String clientId, String... roles) {
		return SecurityMockMvcRequestPostProcessors.jwt()
			.jwt(jwt -> jwt.subject("service-account-" + clientId)
				.claim("preferred_username", "service-account-" + clientId)
				.claim("azp", clientId)
				.claim("realm_access", Map.of("roles", List.of(roles))))
			.authorities(Arrays.stream(roles)
				.map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
				.toList());
	}

	NaturalPerson person(String idNumber) {
		String subject = UUID.randomUUID().toString();
		return persons.insert(NaturalPerson.register(UUID.randomUUID().toString(), subject, "u-" + subject.substring(0, 8),
				"赵六（演示）", personalData.protect(IdNumber.of(idNumber)), null, null, AssuranceLevel.ID_VERIFIED,
				Instant.now()));
	}

	ResultActions resolve(JwtRequestPostProcessor token, String subject) throws Exception {
		return mvc.perform(post(PATH).with(token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"subject\":\"" + subject + "\"}"));
	}

	@Test
	void anAllowedPlatformServiceGetsThePlainNumberAndTheAuditLogOnlyTheMask(CapturedOutput output) throws Exception {
		String idNumber = TestIds.idNumber();
		String masked = idNumber.substring(0, 4) + "**********" + idNumber.substring(14);
		NaturalPerson person = person(idNumber);

		resolve(client("svc-license", "platform-service"), person.getSubject()).andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.subject").value(person.getSubject()))
			.andExpect(jsonPath("$.username").value(person.getUsername()))
			.andExpect(jsonPath("$.name").value("赵六（演示）"))
			.andExpect(jsonPath("$.idNumber").value(idNumber))
			.andExpect(jsonPath("$.idNumberMasked").value(masked))
			.andExpect(jsonPath("$.assuranceLevel").value("ID_VERIFIED"));
		resolve(client("svc-application", "platform-service", "default-roles-gov"), person.getSubject())
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.idNumber").value(idNumber));

		List<String> lines = audit.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
		assertThat(lines).anySatisfy(line -> assertThat(line).contains("client=svc-license")
			.contains(person.getSubject())
			.contains(masked));
		assertThat(lines).anySatisfy(line -> assertThat(line).contains("client=svc-application"));
		assertThat(audit.list).allSatisfy(event -> assertThat(event.getLevel().toString()).isEqualTo("INFO"));
		assertThat(lines).noneSatisfy(line -> assertThat(line).contains(idNumber));
		assertThat(output.getAll()).contains("client=svc-license").contains(masked).doesNotContain(idNumber);
	}

	@Test
	void otherClientsAndOtherRolesAreRefused() throws Exception {
		NaturalPerson person = person(TestIds.idNumber());
		String subject = person.getSubject();
		// a platform service not on the allow-list
		resolve(client("svc-catalog", "platform-service"), subject).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.idNumber").doesNotExist());
		// an allow-listed client id without the role, and the role on a client that is not a platform service
		resolve(client("svc-license", "dept-system"), subject).andExpect(status().isForbidden());
		resolve(client("dept-scjg-license", "platform-service", "dept-system"), subject)
			.andExpect(status().isForbidden());
		// people, platform-admin included, even the person themself
		resolve(TestJwts.user("admin", null, "platform-admin"), subject).andExpect(status().isForbidden());
		resolve(client("svc-application", "platform-admin"), subject).andExpect(status().isForbidden());
		resolve(TestJwts.citizen(subject), subject).andExpect(status().isForbidden());
		resolve(TestJwts.user("sys", "SCJG", "dept-system"), subject).andExpect(status().isForbidden());
		mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"" + subject + "\"}"))
			.andExpect(status().isUnauthorized());
		assertThat(audit.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains("RESOLVED"));
	}

	@Test
	void anUnknownSubjectIsNotFound() throws Exception {
		resolve(client("svc-license", "platform-service"), UUID.randomUUID().toString()).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.idNumber").doesNotExist());
		assertThat(audit.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("client=svc-license")
			.contains("NOT_FOUND"));
	}

	@Test
	void aBlankMissingOrOversizedSubjectIsABadRequest() throws Exception {
		resolve(client("svc-license", "platform-service"), "  ").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("subject"));
		resolve(client("svc-license", "platform-service"), "x".repeat(65)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("subject"));
		mvc.perform(post(PATH).with(client("svc-license", "platform-service"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isBadRequest());
		mvc.perform(post(PATH).with(client("svc-license", "platform-service"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("not json")).andExpect(status().isBadRequest());
	}

}
