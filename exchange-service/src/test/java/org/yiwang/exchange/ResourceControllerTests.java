package org.yiwang.exchange;

import org.junit.jupiter.api.Test;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ResourceControllerTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "exchange-resources-test");
	}

	@Autowired
	MockMvc mvc;

	@Test
	void officersSeeTheBaseRegistries() throws Exception {
		mvc.perform(get("/api/v1/exchange/resources").with(TestJwts.officer("officer-scjg", "SCJG")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.code == 'GA-POPULATION')].sharingType").value("CONDITIONAL"))
			.andExpect(jsonPath("$.length()").value(5));
	}

	@Test
	void citizensDoNot() throws Exception {
		mvc.perform(get("/api/v1/exchange/resources").with(TestJwts.citizen("zhangsan")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
	}

}
