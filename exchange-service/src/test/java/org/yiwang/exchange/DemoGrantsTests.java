package org.yiwang.exchange;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.yiwang.exchange.grant.Grant;
import org.yiwang.exchange.grant.GrantStatus;
import org.yiwang.exchange.grant.Grants;
import org.yiwang.exchange.subject.DemoSubjects;
import org.yiwang.shared.testing.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With the demo seed on, the government service centre (ZWFW) holds active grants on the base registries for
 * licensing, so application-service's prefill (as ZWFW) fills materials out of the box; a restart adds nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DemoGrantsTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "exchange-demo-grants-test");
		registry.add("platform.demo.seed", () -> "true");
	}

	@Autowired
	Grants grants;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void theServiceCentreMayPrefillFromTheBaseRegistriesAndARestartAddsNothing() throws Exception {
		List<Grant> seeded = grants.findAll().stream().filter(g -> g.getConsumerDepartment().equals("ZWFW")).toList();
		assertThat(seeded).extracting(Grant::getResourceCode)
			.containsExactlyInAnyOrder("GA-POPULATION", "SCJG-LEGAL-PERSON", "RSJ-SOCIAL-INSURANCE", "ZJJ-PROPERTY",
					"LICENSE-LIBRARY");
		assertThat(seeded).allSatisfy(g -> assertThat(g.getStatus()).isEqualTo(GrantStatus.ACTIVE));

		ApplicationRunner seeder = (ApplicationRunner) context.getBean("demoGrants");
		ApplicationArguments none = new DefaultApplicationArguments();
		seeder.run(none);
		assertThat(grants.count()).isEqualTo(seeded.size());

		mvc.perform(post("/api/v1/exchange/prefill").with(DataAccessTests.platformService("svc-application", "ZWFW"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"applicationId":"APP-DEMO-1","subject":"%s","resourceCodes":["GA-POPULATION"],
					 "purpose":"食品经营许可申请：免提交身份证明"}
					""".formatted(DemoSubjects.ZHANGSAN.value())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].status").value("FILLED"))
			.andExpect(jsonPath("$.items[0].providerDepartmentName").value("公安局"))
			.andExpect(jsonPath("$.items[0].data.name").value("张三"));
	}

}
