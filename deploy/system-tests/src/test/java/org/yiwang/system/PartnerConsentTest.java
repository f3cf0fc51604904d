package org.yiwang.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yiwang.local.PlatformRuntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A partner channel app acts for a user only after the user consents on Keycloak's consent screen (real browser):
 * with consent it applies for the user (channel PARTNER_APP) within the consented scope only; a user who declines
 * gives it nothing. Needs chromium and the portal's node_modules ({@code ./platform test} provides both).
 */
class PartnerConsentTest {

	@Test
	void partnerActsOnlyForUsersWhoConsentAndOnlyInTheirScope() throws Exception {
		Path home = Path.of(System.getProperty("platform.home", "../..")).toAbsolutePath().normalize();
		Path portal = home.resolve("portal");
		boolean ready = Files.exists(portal.resolve("node_modules/playwright-core")) && Files.exists(Path.of("/usr/bin/chromium"));
		if (!ready) {
			System.err.println("PartnerConsentTest SKIPPED: needs portal/node_modules and /usr/bin/chromium");
		}
		assumeTrue(ready, "chromium or playwright-core missing");
		PlatformRuntime platform = PlatformUnderTest.get();
		Path log = home.resolve("deploy/system-tests/target/partner-consent.log");
		ProcessBuilder builder = new ProcessBuilder("node", "tests/partner-consent.mjs").directory(portal.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("GATEWAY_URL", platform.gatewayUrl());
		builder.environment().put("KEYCLOAK_URL", platform.keycloakUrl());
		builder.environment().put("DEMO_USER_PASSWORD", platform.secrets().get("DEMO_USER_PASSWORD"));
		builder.environment().put("PARTNER_APP_SECRET", platform.secrets().get("PARTNER_APP_SECRET"));
		Process process = builder.start();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("finished in time").isTrue();
		String output = Files.readString(log);
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("1 passed, 0 failed");
	}

}
