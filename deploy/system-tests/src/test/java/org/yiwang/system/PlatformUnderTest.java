package org.yiwang.system;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

import org.yiwang.local.PlatformRuntime;

/**
 * The whole platform for the end-to-end suite, started ONCE per test run through the same launcher as
 * {@code ./platform start} (separate processes: Kafka broker, Mongo wire server, Keycloak, five services, gateway)
 * on ports of its own, so a platform running for development does not collide. Stopped when the JVM exits.
 */
final class PlatformUnderTest {

	static final int GATEWAY_PORT = 18080;

	static final int KEYCLOAK_PORT = 18180;

	private static PlatformRuntime platform;

	private PlatformUnderTest() {
	}

	static synchronized PlatformRuntime get() {
		if (platform == null) {
			try {
				Path home = Path.of(System.getProperty("platform.home", "../..")).toAbsolutePath().normalize();
				Path runDir = home.resolve("deploy/system-tests/target/platform-run");
				PlatformRuntime.deleteTreeQuietly(runDir.resolve("logs"));
				PlatformRuntime started = PlatformRuntime.create(home, runDir,
						Map.ofEntries(Map.entry("KAFKA_PORT", "19092"), Map.entry("KAFKA_CONTROLLER_PORT", "19093"),
								Map.entry("MONGO_PORT", "27117"), Map.entry("MONGO_STORE", "memory"),
								Map.entry("KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT)),
								Map.entry("KEYCLOAK_MANAGEMENT_PORT", "18190"),
								Map.entry("KEYCLOAK_FRESH", "true"),
								Map.entry("GATEWAY_PORT", String.valueOf(GATEWAY_PORT)),
								Map.entry("CATALOG_PORT", "18081"), Map.entry("APPLICATION_PORT", "18082"),
								Map.entry("LICENSE_PORT", "18083"), Map.entry("IDENTITY_PORT", "18084"),
								Map.entry("EXCHANGE_PORT", "18085")),
						new PrintStream(System.out, true));
				Runtime.getRuntime().addShutdownHook(new Thread(started::close, "platform-under-test-shutdown"));
				started.start();
				platform = started;
			}
			catch (Exception ex) {
				throw new IllegalStateException("the platform did not start: " + ex.getMessage(), ex);
			}
		}
		return platform;
	}

}
