package org.yiwang.identity;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yiwang.identity.testing.TestIds;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Keycloak down: provisioning answers 503 problem details, quickly, and stores nothing. */
@SpringBootTest
@AutoConfigureMockMvc
class KeycloakUnavailableTests {

	static final int CLOSED_PORT = closedPort();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "identity-keycloak-down-test");
		registry.add("identity.keycloak.admin-url", () -> "http://127.0.0.1:" + CLOSED_PORT);
		registry.add("identity.keycloak.client-secret", () -> "test-admin-secret");
		registry.add("identity.keycloak.timeout", () -> "2s");
		registry.add("identity.pii.key-dir",
				() -> Path.of("target", "test-keys", UUID.randomUUID().toString()).toString());
	}

	static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoTemplate mongo;

	@Test
	void registrationAndOnboardingAnswer503WhenKeycloakIsDown() throws Exception {
		for (int i = 0; i < 7; i++) {
			mvc.perform(post("/api/v1/identity/registrations").contentType(MediaType.APPLICATION_JSON)
				.content(ProvisioningTests.registration("down-" + i, TestIds.idNumber(), "13812345678")))
				.andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.type").value("https://yiwang.dev/problems/identity-provider-unavailable"));
		}
		mvc.perform(post("/api/v1/identity/departments/SCJG/systems").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"down\",\"name\":\"不可用\"}"))
			.andExpect(status().isServiceUnavailable());
		assertThat(mongo.getCollection("persons").countDocuments()).isZero();
		assertThat(mongo.getCollection("department_systems").countDocuments()).isZero();
	}

}
