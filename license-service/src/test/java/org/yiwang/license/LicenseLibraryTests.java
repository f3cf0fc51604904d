package org.yiwang.license;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.yiwang.license.license.Holder;
import org.yiwang.license.license.License;
import org.yiwang.shared.identity.IdNumbers;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;

/**
 * The e-licence library as the data exchange's provider ({@code POST /api/v1/licenses/library/queries}): by USCC
 * or by ID number (keyed hash), 404 when the subject holds none, only for the exchange's service account, and every
 * licence named in an answer logged for its holder.
 */
class LicenseLibraryTests extends LicenseTestSupport {

	static RequestPostProcessor serviceAccount(String clientId) {
		return SecurityMockMvcRequestPostProcessors.jwt()
			.jwt(jwt -> jwt.subject("service-account-" + clientId)
				.claim("preferred_username", "service-account-" + clientId)
				.claim("azp", clientId)
				.claim("department", "ZWFW")
				.claim("realm_access", Map.of("roles", List.of("platform-service"))))
			.authorities(new SimpleGrantedAuthority("ROLE_platform-service"));
	}

	static String query(String subject) {
		return """
				{"resourceCode":"LICENSE-LIBRARY","subject":"%s","fields":["licenses","validLicenseCount"],
				 "consumerDepartment":"WSJK","purpose":"公共场所卫生许可审查：核验食品经营许可"}""".formatted(subject);
	}

	License issueTo(Holder holder, String department) {
		String caseId = "CASE-" + UUID.randomUUID();
		return issuer
			.issue(new License.Issuance("FOOD_BUSINESS", "食品经营许可证", holder, department, caseId, "APP-" + caseId,
					"44030000" + department + "-XK-0001", 5, Map.of("seats", "30")))
			.orElseThrow();
	}

	@Test
	void exchangeFindsTheLicencesAnEnterpriseHolds() throws Exception {
		String uscc = IdentityStub.uscc("LB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase()
			.replaceAll("[IOZSV]", "A"));
		License food = issueTo(Holder.enterprise(uscc, "深圳市演示食品有限公司", "agent-lib", "王经办"), "SCJG");
		License health = issueTo(Holder.enterprise(uscc, "深圳市演示食品有限公司", "agent-lib", "王经办"), "WSJK");
		mvc.perform(post("/api/v1/licenses/" + health.getNumber() + "/revocation")
			.with(TestJwts.officer("officer-wsjk", "WSJK"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"演示撤销\",\"legalBasis\":\"《行政许可法》第六十九条\",\"revision\":"
					+ health.getRevision() + "}"))
			.andExpect(status().isOk());

		mvc.perform(post("/api/v1/licenses/library/queries").with(serviceAccount("svc-exchange"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(query(uscc)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.licenses", hasSize(2)))
			.andExpect(jsonPath("$.licenses[*].licenseNumber", containsInAnyOrder(food.getNumber(), health.getNumber())))
			.andExpect(jsonPath("$.licenses[?(@.licenseNumber == '" + food.getNumber() + "')].status").value("VALID"))
			.andExpect(jsonPath("$.licenses[?(@.licenseNumber == '" + health.getNumber() + "')].status")
				.value("REVOKED"))
			.andExpect(jsonPath("$.licenses[0].licenseType").value("FOOD_BUSINESS"))
			.andExpect(jsonPath("$.licenses[0].licenseName").value("食品经营许可证"))
			.andExpect(jsonPath("$.licenses[0].issuedOn").isNotEmpty())
			.andExpect(jsonPath("$.licenses[0].validUntil").isNotEmpty())
			.andExpect(jsonPath("$.licenses[?(@.licenseNumber == '" + food.getNumber() + "')].issuerDepartment")
				.value("SCJG"))
			.andExpect(jsonPath("$.validLicenseCount").value(1));
	}

	@Test
	void exchangeFindsAPersonsLicencesByIdNumberAndTheHolderSeesTheUse() throws Exception {
		String subject = "holder-library-" + UUID.randomUUID();
		String idNumber = IdentityStub.idNumber(subject);
		License license = issueTo(Holder.person(subject, "赵六", idNumber), "SCJG");
		// a lower-case check character is the same number
		String asked = idNumber.endsWith("X") ? idNumber.substring(0, 17) + "x" : idNumber;
		mvc.perform(post("/api/v1/licenses/library/queries").with(serviceAccount("svc-exchange"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(query(asked)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.licenses[*].licenseNumber").value(org.hamcrest.Matchers.hasItem(license.getNumber())))
			.andExpect(jsonPath("$.validLicenseCount").isNumber());

		mvc.perform(get("/api/v1/licenses/" + license.getNumber() + "/uses").with(TestJwts.citizen(subject)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].basis").value("LIBRARY"))
			.andExpect(jsonPath("$.items[0].department").value("WSJK"))
			.andExpect(jsonPath("$.items[0].clientId").value("svc-exchange"))
			.andExpect(jsonPath("$.items[0].resourceCode").value("LICENSE-LIBRARY"))
			.andExpect(jsonPath("$.items[0].purpose").value("公共场所卫生许可审查：核验食品经营许可"));
	}

	@Test
	void subjectHoldingNoLicenceIs404AndBadSubjectIs400() throws Exception {
		String nobody = IdentityStub.idNumber("nobody-" + UUID.randomUUID());
		mvc.perform(post("/api/v1/licenses/library/queries").with(serviceAccount("svc-exchange"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(query(IdentityStub.uscc("NB0N0B0D"))))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/licenses/library/queries").with(serviceAccount("svc-exchange"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(query("110101199003071234")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("subject"));
		mvc.perform(post("/api/v1/licenses/library/queries").with(serviceAccount("svc-exchange"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"resourceCode\":\"R\",\"subject\":\"" + nobody + "\",\"consumerDepartment\":\"WSJK\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("purpose"));
		org.assertj.core.api.Assertions.assertThat(IdNumbers.problem(nobody)).isNull();
	}

	@Test
	void onlyTheExchangeServiceAccountMayQuery() throws Exception {
		String uscc = IdentityStub.uscc("AU7H0R1T");
		issueTo(Holder.enterprise(uscc, "深圳市演示权限有限公司", "agent-auth", "李经办"), "SCJG");
		for (RequestPostProcessor caller : List.of(serviceAccount("svc-application"), TestJwts.citizen("zhangsan"),
				TestJwts.user("dept-system-wsjk", "WSJK", "dept-system"), TestJwts.officer("officer-scjg", "SCJG"))) {
			mvc.perform(post("/api/v1/licenses/library/queries").with(caller)
				.contentType(MediaType.APPLICATION_JSON)
				.content(query(uscc))).andExpect(status().isForbidden());
		}
		mvc.perform(post("/api/v1/licenses/library/queries").contentType(MediaType.APPLICATION_JSON)
			.content(query(uscc))).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/licenses/library/queries").with(serviceAccount("svc-exchange"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(query(uscc))).andExpect(status().isOk());
	}

}
