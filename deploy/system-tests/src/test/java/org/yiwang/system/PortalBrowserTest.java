package org.yiwang.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yiwang.local.PlatformRuntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The portal in a real browser (headless Debian chromium driven by playwright-core): login through Keycloak with
 * code + PKCE, apply, approve in the workbench, licence in the wallet. Needs the portal built and chromium
 * installed, which {@code ./platform test} and {@code .ci/run} take care of; elsewhere it is skipped, loudly.
 */
class PortalBrowserTest {

	@Test
	void citizenAppliesOfficerApprovesCitizenSeesLicence() throws Exception {
		Path home = Path.of(System.getProperty("platform.home", "../..")).toAbsolutePath().normalize();
		Path portal = home.resolve("portal");
		boolean ready = Files.exists(portal.resolve("dist/index.html"))
				&& Files.exists(portal.resolve("node_modules/playwright-core")) && Files.exists(Path.of("/usr/bin/chromium"));
		if (!ready) {
			System.err.println("PortalBrowserTest SKIPPED: needs portal/dist, portal/node_modules and /usr/bin/chromium "
					+ "(./platform test builds and installs them)");
		}
		assumeTrue(ready, "portal not built or chromium missing");
		PlatformRuntime platform = PlatformUnderTest.get();
		Path screenshots = home.resolve("deploy/system-tests/target/screenshots");
		Files.createDirectories(screenshots);
		ProcessBuilder builder = new ProcessBuilder("node", "tests/e2e.mjs").directory(portal.toFile())
			.redirectErrorStream(true)
			.redirectOutput(home.resolve("deploy/system-tests/target/portal-e2e.log").toFile());
		builder.environment().put("GATEWAY_URL", platform.gatewayUrl());
		builder.environment().put("DEMO_USER_PASSWORD", platform.secrets().get("DEMO_USER_PASSWORD"));
		builder.environment().put("SCREENSHOTS", screenshots.toString());
		Process process = builder.start();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("browser test finished in time").isTrue();
		String log = Files.readString(home.resolve("deploy/system-tests/target/portal-e2e.log"));
		assertThat(process.exitValue()).as(log).isZero();
		assertThat(log).contains("1 passed, 0 failed");
	}

}
