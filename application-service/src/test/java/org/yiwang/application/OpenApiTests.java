package org.yiwang.application;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The service publishes its OpenAPI description (springdoc), publicly: what a department's IT team needs to join
 * through the gateway — the pull API with its decisions, webhooks, and the applicant's side.
 */
class OpenApiTests extends ServiceTestSupport {

	@Autowired
	MockMvc mvc;

	@Test
	void openApiDescribesTheDepartmentAndApplicantEndpoints() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi").exists())
			.andExpect(jsonPath("$.paths['/api/v1/cases'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/cases/{caseId}/approve'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/cases/{caseId}/overturn'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/applications/system-submissions'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/applications/{id}/materials/e-licenses'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/webhooks'].post").exists());
	}

}
