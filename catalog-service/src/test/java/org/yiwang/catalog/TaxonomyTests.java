package org.yiwang.catalog;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.testing.TestInfrastructure;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Platform admins maintain the browsing taxonomy and the synonym table; search and the life-event browser follow
 * at once; everyone else may only read; two admins saving the same revision → one 409.
 */
@SpringBootTest(properties = "platform.demo.seed=true")
@AutoConfigureMockMvc
class TaxonomyTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "catalog-taxonomy-test");
	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	List<String> searchCodes(String query) throws Exception {
		String body = mvc.perform(get("/api/v1/catalog/search").param("q", query)).andReturn().getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.items[*].code");
	}

	@SuppressWarnings("unchecked")
	@Test
	void platformAdminsMaintainTheTaxonomyAndSearchFollows() throws Exception {
		String current = mvc.perform(get("/api/v1/catalog/taxonomy")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		var taxonomy = JSON.readValue(current, java.util.Map.class);
		List<java.util.Map<String, Object>> lifeEvents = (List<java.util.Map<String, Object>>) taxonomy.get("lifeEvents");
		List<List<String>> groups = new ArrayList<>((List<List<String>>) taxonomy.get("synonymGroups"));
		assertThat(lifeEvents).hasSize(14);
		assertThat(searchCodes("撸串店")).doesNotContain("open-restaurant");

		// a new everyday word for restaurants, and a clearer label for the birth life event
		List<String> restaurants = new ArrayList<>(groups.get(0));
		restaurants.add("撸串店");
		groups.set(0, restaurants);
		lifeEvents.stream().filter(e -> "BIRTH".equals(e.get("code"))).forEach(e -> e.put("label", "生育出生"));
		String body = JSON.writeValueAsString(java.util.Map.of("lifeEvents", lifeEvents, "synonymGroups", groups));

		mvc.perform(put("/api/v1/catalog/taxonomy").with(TestJwts.deptAdmin("admin-scjg", "SCJG"))
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/catalog/taxonomy").with(TestJwts.citizen("zhangsan"))
			.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
		mvc.perform(put("/api/v1/catalog/taxonomy").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnauthorized());

		String saved = mvc.perform(put("/api/v1/catalog/taxonomy").with(TestJwts.user("padmin", null, "platform-admin"))
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		Number revision = JsonPath.read(saved, "$.revision");

		assertThat(searchCodes("撸串店")).contains("open-restaurant");
		mvc.perform(get("/api/v1/catalog/life-events"))
			.andExpect(jsonPath("$[?(@.code == 'BIRTH')].label").value("生育出生"));

		// a second admin who edited the first version is told, not silently overwritten
		String stale = JSON.writeValueAsString(java.util.Map.of("lifeEvents", lifeEvents, "synonymGroups", groups,
				"revision", revision.longValue() - 1));
		mvc.perform(put("/api/v1/catalog/taxonomy").with(TestJwts.user("padmin2", null, "platform-admin"))
			.contentType(MediaType.APPLICATION_JSON).content(stale))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].field").value("revision"));
	}

	@Test
	void invalidTaxonomiesNameTheOffendingEntryAndChangeNothing() throws Exception {
		String current = mvc.perform(get("/api/v1/catalog/taxonomy")).andReturn().getResponse().getContentAsString();
		String duplicateTerm = current.replaceFirst("\"synonymGroups\":\\[", "\"synonymGroups\":[[\"饭店\",\"馆子\"],");
		mvc.perform(put("/api/v1/catalog/taxonomy").with(TestJwts.user("padmin", null, "platform-admin"))
			.contentType(MediaType.APPLICATION_JSON).content(duplicateTerm))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(org.hamcrest.Matchers.startsWith("synonymGroups[")));
		String missingEvent = current.replaceFirst("\\{\"code\":\"BIRTH\"[^}]*\\},?", "");
		mvc.perform(put("/api/v1/catalog/taxonomy").with(TestJwts.user("padmin", null, "platform-admin"))
			.contentType(MediaType.APPLICATION_JSON).content(missingEvent))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("lifeEvents"));
		mvc.perform(get("/api/v1/catalog/taxonomy")).andExpect(jsonPath("$.synonymGroups[0][0]").value("饭店"));
	}

}
