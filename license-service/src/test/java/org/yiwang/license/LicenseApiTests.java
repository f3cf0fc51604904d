package org.yiwang.license;

import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.hasKey;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The published OpenAPI description lists the licence API, public verification included. */
class LicenseApiTests extends LicenseTestSupport {

	@Test
	void openApiDescribesTheLicenceApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths", hasKey("/api/v1/licenses/verify")))
			.andExpect(jsonPath("$.paths", hasKey("/api/v1/licenses/status-lists/{department}/{purpose}")))
			.andExpect(jsonPath("$.paths", hasKey("/api/v1/licenses/{number}/grants")))
			.andExpect(jsonPath("$.paths", hasKey("/api/v1/licenses/{number}/revocation")))
			.andExpect(jsonPath("$.paths", hasKey("/api/v1/licenses/library/queries")))
			.andExpect(jsonPath("$.paths['/api/v1/licenses'].get.parameters[?(@.name == 'enterprise')]").exists());
	}

}
