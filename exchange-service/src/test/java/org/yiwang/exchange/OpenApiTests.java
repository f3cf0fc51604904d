package org.yiwang.exchange;

import org.junit.jupiter.api.Test;
import org.yiwang.shared.testing.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The exchange publishes its OpenAPI description (springdoc), publicly, for consumer and provider departments. */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "exchange-openapi-test");
	}

	@Autowired
	MockMvc mvc;

	@Test
	void openApiDescribesTheExchangeEndpoints() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi").exists())
			.andExpect(jsonPath("$.paths['/api/v1/exchange/queries'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/exchange/prefill'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/exchange/grants'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/exchange/my-data-uses'].get").exists());
	}

}
