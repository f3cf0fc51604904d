package org.yiwang.license;

import java.time.Duration;
import java.time.Instant;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.yiwang.license.license.License;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The holder grants time-bound, purpose-bound use of a licence to a department or an application; reads under a
 * grant or by the issuing department are logged and shown to the holder; everyone else sees nothing.
 */
class LicenseSharingTests extends LicenseTestSupport {

	ResultActions grant(String number, String holder, String type, String grantee, Instant expiresAt,
			boolean onceOnly) throws Exception {
		return mvc.perform(post("/api/v1/licenses/" + number + "/grants").with(TestJwts.citizen(holder))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"granteeType\":\"" + type + "\",\"grantee\":\"" + grantee
					+ "\",\"purpose\":\"办理公共场所卫生许可（演示）\",\"expiresAt\":\"" + expiresAt + "\",\"onceOnly\":" + onceOnly
					+ "}"));
	}

	String grantId(ResultActions result) throws Exception {
		return JsonPath.read(result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
				"$.id");
	}

	@Test
	void departmentReadsAnotherDepartmentsLicenceOnlyUnderAGrantAndTheHolderSeesEveryUse() throws Exception {
		License license = issue("holder-share");
		String number = license.getNumber();
		String path = "/api/v1/licenses/" + number;
		Instant inAWeek = Instant.now().plus(Duration.ofDays(7));

		// without a grant: another department, another citizen, nobody at all
		mvc.perform(get(path).with(TestJwts.officer("officer-wsjk", "WSJK"))).andExpect(status().isNotFound());
		mvc.perform(get(path).with(TestJwts.citizen("lisi"))).andExpect(status().isNotFound());
		mvc.perform(get(path)).andExpect(status().isUnauthorized());

		// only the holder grants, within 90 days, in the future
		grant(number, "lisi", "DEPARTMENT", "WSJK", inAWeek, false).andExpect(status().isNotFound());
		grant(number, "holder-share", "DEPARTMENT", "WSJK", Instant.now().minusSeconds(60), false)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("expiresAt"));
		grant(number, "holder-share", "DEPARTMENT", "WSJK", Instant.now().plus(Duration.ofDays(200)), false)
			.andExpect(status().isBadRequest());
		String toWsjk = grantId(grant(number, "holder-share", "DEPARTMENT", "WSJK", inAWeek, false));

		// the grantee department reads with the grant; another department cannot use it
		mvc.perform(get(path).param("grant", toWsjk).with(TestJwts.officer("officer-wsjk", "WSJK")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value(number));
		mvc.perform(get(path).param("grant", toWsjk).with(TestJwts.user("system-wsjk", "WSJK", "dept-system")))
			.andExpect(status().isOk());
		mvc.perform(get(path).param("grant", toWsjk).with(TestJwts.officer("officer-ga", "GA")))
			.andExpect(status().isForbidden());
		mvc.perform(get(path).param("grant", toWsjk).with(TestJwts.citizen("lisi"))).andExpect(status().isForbidden());
		mvc.perform(get(path).param("grant", "GRT-unknown").with(TestJwts.officer("officer-wsjk", "WSJK")))
			.andExpect(status().isNotFound());

		// a once-only grant to an application: one read, naming the application
		String once = grantId(grant(number, "holder-share", "APPLICATION", "APP-20261125-0042", inAWeek, true));
		mvc.perform(get(path).param("grant", once).with(TestJwts.user("clerk-zwfw", "ZWFW", "window-clerk")))
			.andExpect(status().isForbidden());
		mvc.perform(get(path).param("grant", once)
			.param("applicationId", "APP-20261125-0042")
			.with(TestJwts.user("clerk-zwfw", "ZWFW", "window-clerk"))).andExpect(status().isOk());
		mvc.perform(get(path).param("grant", once)
			.param("applicationId", "APP-20261125-0042")
			.with(TestJwts.user("clerk-zwfw", "ZWFW", "window-clerk"))).andExpect(status().isForbidden());

		// the issuing department reads its own licence without a grant (logged as well)
		mvc.perform(get(path).with(TestJwts.officer("officer-scjg", "SCJG"))).andExpect(status().isOk());

		// withdrawn: no more reads
		mvc.perform(delete(path + "/grants/" + toWsjk).with(TestJwts.citizen("lisi")))
			.andExpect(status().isNotFound());
		mvc.perform(delete(path + "/grants/" + toWsjk).with(TestJwts.citizen("holder-share")))
			.andExpect(status().isNoContent());
		mvc.perform(get(path).param("grant", toWsjk).with(TestJwts.officer("officer-wsjk", "WSJK")))
			.andExpect(status().isForbidden());

		mvc.perform(get(path + "/grants").with(TestJwts.citizen("holder-share")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2));

		// the holder's usage log: who, on what basis, for what — and nobody else's business
		mvc.perform(get(path + "/uses").with(TestJwts.citizen("holder-share")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(4))
			.andExpect(jsonPath("$.items[*].userSubject",
					containsInAnyOrder("officer-wsjk", "system-wsjk", "clerk-zwfw", "officer-scjg")))
			.andExpect(jsonPath("$.items[?(@.userSubject == 'clerk-zwfw')].applicationId",
					contains("APP-20261125-0042")))
			.andExpect(jsonPath("$.items[?(@.userSubject == 'officer-wsjk')].purpose", contains("办理公共场所卫生许可（演示）")))
			.andExpect(jsonPath("$.items[?(@.userSubject == 'officer-scjg')].basis", contains("OWN_DEPARTMENT")));
		mvc.perform(get(path + "/uses").with(TestJwts.citizen("lisi"))).andExpect(status().isNotFound());
		mvc.perform(get(path + "/uses").with(TestJwts.officer("officer-scjg", "SCJG")))
			.andExpect(status().isNotFound());
		mvc.perform(get(path + "/uses")).andExpect(status().isUnauthorized());
	}

}
