package org.yiwang.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformRuntimeTests {

	@TempDir
	Path home;

	@Test
	void failsFastNamingTheTakenPort() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			PlatformRuntime platform = PlatformRuntime.create(home, home.resolve(".run"),
					Map.of("GATEWAY_PORT", String.valueOf(taken.getLocalPort())),
					new PrintStream(new ByteArrayOutputStream()));
			assertThatThrownBy(platform::checkPrerequisites).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("gateway port " + taken.getLocalPort())
				.hasMessageContaining("./platform stop");
		}
	}

	@Test
	void failsFastWhenNotBuilt() throws Exception {
		PlatformRuntime platform = PlatformRuntime.create(home, home.resolve(".run"), freePorts(),
				new PrintStream(new ByteArrayOutputStream()));
		assertThatThrownBy(platform::checkPrerequisites).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("catalog-service.jar is missing");
	}

	@Test
	void secretsAreGeneratedOnceKeptPrivateAndOverridableByEnvironment() throws Exception {
		Path file = home.resolve("secrets.env");
		Map<String, String> first = Secrets.loadOrGenerate(file, Map.of());
		Map<String, String> second = Secrets.loadOrGenerate(file, Map.of());
		assertThat(second).isEqualTo(first);
		assertThat(first.get("DEMO_USER_PASSWORD")).hasSizeGreaterThanOrEqualTo(12)
			.matches(".*[0-9].*")
			.matches(".*[A-Z].*")
			.matches(".*[a-z].*");
		assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
		assertThat(Secrets.loadOrGenerate(file, Map.of("DEPT_SYSTEM_SECRET", "from-env")).get("DEPT_SYSTEM_SECRET"))
			.isEqualTo("from-env");
	}

	@Test
	void kafkaClusterIdIsA22CharacterBase64UrlUuid() {
		assertThat(PlatformRuntime.uuidToKafkaId(UUID.randomUUID())).hasSize(22).matches("[A-Za-z0-9_-]+");
	}

	@Test
	void externalInfrastructureReplacesTheLocalOne() throws Exception {
		PlatformRuntime platform = PlatformRuntime.create(home, home.resolve(".run"),
				Map.of("MONGODB_URI", "mongodb://db.example:27017", "KAFKA_BOOTSTRAP_SERVERS", "kafka.example:9092",
						"KEYCLOAK_URL", "https://sso.example"),
				new PrintStream(new ByteArrayOutputStream()));
		assertThat(platform.mongoUri()).isEqualTo("mongodb://db.example:27017");
		assertThat(platform.kafkaBootstrap()).isEqualTo("kafka.example:9092");
		assertThat(platform.issuer()).isEqualTo("https://sso.example/realms/gov");
	}

	private static Map<String, String> freePorts() throws Exception {
		java.util.HashMap<String, String> ports = new java.util.HashMap<>();
		for (String name : new String[] { "KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT", "KEYCLOAK_PORT",
				"KEYCLOAK_MANAGEMENT_PORT", "GATEWAY_PORT", "CATALOG_PORT", "APPLICATION_PORT", "LICENSE_PORT",
				"IDENTITY_PORT", "EXCHANGE_PORT" }) {
			try (ServerSocket socket = new ServerSocket(0)) {
				ports.put(name, String.valueOf(socket.getLocalPort()));
			}
		}
		return ports;
	}

}
