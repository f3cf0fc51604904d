package org.yiwang.identity;

import org.junit.jupiter.api.Test;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class MeControllerTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "identity-me-test");
	}

	@Autowired
	MockMvc mvc;

	@Test
	void meTellsRolesAndDepartmentFromTheToken() throws Exception {
		mvc.perform(get("/api/v1/identity/me").with(TestJwts.deptAdmin("admin-scjg", "SCJG")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value("admin-scjg"))
			.andExpect(jsonPath("$.department").value("SCJG"))
			.andExpect(jsonPath("$.roles", containsInAnyOrder("dept-admin", "officer")));
	}

	@Test
	void meNeedsAToken() throws Exception {
		mvc.perform(get("/api/v1/identity/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://yiwang.dev/problems/unauthenticated"));
	}

	@Test
	void healthIsUpOnTheWireServer() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

}
