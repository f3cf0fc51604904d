package org.yiwang.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yiwang.local.PlatformRuntime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every endpoint, through the gateway, with real Keycloak tokens: each allowed call gets past
 * authorisation (2xx, or a 4xx about the request itself), each other call gets 401/403/404 as problem details and
 * carries no data.
 */
class RoleEndpointMatrixTest {

	static PlatformRuntime platform;

	static String api;

	static final Map<String, String> tokens = new LinkedHashMap<>();

	@BeforeAll
	static void tokensForEveryRole() {
		platform = PlatformUnderTest.get();
		api = platform.gatewayUrl() + "/api/v1";
		tokens.put("anonymous", null);
		tokens.put("citizen", Tokens.user(platform, "zhangsan"));
		tokens.put("enterprise-agent", Tokens.user(platform, "wangwu"));
		tokens.put("window-clerk", Tokens.user(platform, "clerk-window"));
		tokens.put("officer", Tokens.user(platform, "officer-scjg"));
		tokens.put("dept-admin", Tokens.user(platform, "admin-scjg"));
		tokens.put("supervisor", Tokens.user(platform, "supervisor"));
		tokens.put("platform-admin", Tokens.user(platform, "platform-admin"));
		tokens.put("dept-system", Tokens.client(platform, "dept-scjg-system", platform.secrets().get("DEPT_SYSTEM_SECRET")));
		tokens.put("partner-app", Tokens.client(platform, "partner-alipay", platform.secrets().get("PARTNER_APP_SECRET")));
	}

	static final Set<String> EVERYONE = Set.of("anonymous", "citizen", "enterprise-agent", "window-clerk", "officer",
			"dept-admin", "supervisor", "platform-admin", "dept-system", "partner-app");

	/** Every signed-in caller, except a partner app on its own: it acts only for consenting users, in their scopes. */
	static final Set<String> AUTHENTICATED = Set.of("citizen", "enterprise-agent", "window-clerk", "officer",
			"dept-admin", "supervisor", "platform-admin", "dept-system");

	/** method, path, body (for writes: deliberately invalid, so an allowed call changes nothing), allowed roles. */
	record Rule(String method, String path, String body, Set<String> allowed) {
	}

	static final List<Rule> RULES = List.of(
			new Rule("GET", "/catalog/items", null, EVERYONE),
			new Rule("POST", "/catalog/items", "{}", Set.of("dept-admin", "platform-admin")),
			new Rule("GET", "/applications", null, Set.of("citizen", "enterprise-agent")),
			new Rule("POST", "/applications", "{}", Set.of("citizen", "enterprise-agent")),
			new Rule("GET", "/cases", null, Set.of("officer", "dept-admin", "dept-system")),
			new Rule("POST", "/cases/CASE-none/approve", "", Set.of("officer", "dept-admin", "dept-system")),
			new Rule("GET", "/licenses", null, AUTHENTICATED),
			new Rule("GET", "/identity/me", null, AUTHENTICATED),
			new Rule("GET", "/exchange/resources", null,
					Set.of("officer", "dept-admin", "dept-system", "supervisor", "platform-admin")));

	@Test
	void everyRoleGetsExactlyItsRights() {
		List<String> violations = new ArrayList<>();
		for (Rule rule : RULES) {
			for (Map.Entry<String, String> caller : tokens.entrySet()) {
				Http.Response response = "GET".equals(rule.method()) ? Http.get(api + rule.path(), caller.getValue())
						: Http.post(api + rule.path(), caller.getValue(), rule.body() == null ? "" : rule.body());
				boolean allowed = rule.allowed().contains(caller.getKey());
				int status = response.status();
				String cell = rule.method() + " " + rule.path() + " as " + caller.getKey() + " -> " + status;
				if (allowed && (status == 401 || status == 403 || status >= 500)) {
					violations.add(cell + " (expected to be allowed) " + response.body());
				}
				if (!allowed) {
					if (status != 401 && status != 403 && status != 404) {
						violations.add(cell + " (expected 401/403/404)");
					}
					else if (response.body().contains("\"items\"") || !response.body().contains("\"status\"")) {
						violations.add(cell + " leaks data or is not a problem: " + response.body());
					}
				}
			}
		}
		assertThat(violations).isEmpty();
	}

}
