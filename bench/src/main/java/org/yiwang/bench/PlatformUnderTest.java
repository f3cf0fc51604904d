package org.yiwang.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.yiwang.local.PlatformRuntime;

/**
 * The platform the bench measures: the one already running on the configured ports (its secrets read from
 * {@code .run/secrets.env}), or one the bench starts through the launcher ({@code PlatformRuntime}, as
 * {@code ./platform start} does) and stops at the end. Ports and URLs follow the launcher's settings (environment
 * variables {@code GATEWAY_PORT}, {@code CATALOG_PORT}, …).
 */
final class PlatformUnderTest implements AutoCloseable {

	static final Map<String, String> SERVICE_PORTS = servicePorts();

	private final BenchTarget target;

	private final Path runDir;

	private final PlatformRuntime started;

	private final long startMillis;

	/** Set once the started platform is being stopped (by {@link #close} or by the shutdown hook on Ctrl-C). */
	private final AtomicBoolean stopping;

	private PlatformUnderTest(BenchTarget target, Path runDir, PlatformRuntime started, long startMillis,
			AtomicBoolean stopping) {
		this.target = target;
		this.runDir = runDir;
		this.started = started;
		this.startMillis = startMillis;
		this.stopping = stopping;
	}

	static Path runDir(Path home) {
		String configured = System.getenv("PLATFORM_RUN_DIR");
		return configured == null || configured.isBlank() ? home.resolve(".run") : Path.of(configured);
	}

	static PlatformUnderTest connect(Path home, BenchOptions.PlatformMode mode, Progress progress, PrintStream out)
			throws Exception {
		Path runDir = runDir(home);
		int gatewayPort = port("GATEWAY_PORT", 8080);
		if (mode != BenchOptions.PlatformMode.START) {
			if (healthy(gatewayPort)) {
				progress.report("platform: using the one running (gateway :" + gatewayPort + ")");
				return new PlatformUnderTest(target(runDir, storedSecrets(runDir)), runDir, null, 0, new AtomicBoolean());
			}
			if (mode == BenchOptions.PlatformMode.RUNNING || !portFree(gatewayPort)) {
				// someone's platform is (re)starting: wait for it rather than start a second one
				progress.report("platform: gateway :" + gatewayPort + " is not healthy; waiting up to 3 min for it");
				long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
				while (System.nanoTime() < deadline) {
					Thread.sleep(2000);
					if (healthy(gatewayPort)) {
						return new PlatformUnderTest(target(runDir, storedSecrets(runDir)), runDir, null, 0, new AtomicBoolean());
					}
				}
				throw new IllegalStateException("no healthy platform on gateway port " + gatewayPort);
			}
		}
		progress.report("platform: starting it (as ./platform start does; stopped again at the end)");
		long begin = System.nanoTime();
		PlatformRuntime runtime = PlatformRuntime.create(home, runDir, Map.of(), out);
		AtomicBoolean stopped = new AtomicBoolean();
		// Ctrl-C during the bench stops what the bench started
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (stopped.compareAndSet(false, true)) {
				runtime.close();
			}
		}, "bench-platform-stop"));
		try {
			runtime.start();
		}
		catch (Exception ex) {
			if (stopped.compareAndSet(false, true)) {
				runtime.close();
			}
			throw ex;
		}
		long millis = (System.nanoTime() - begin) / 1_000_000;
		progress.report("platform: ready in " + millis / 1000 + " s");
		return new PlatformUnderTest(target(runDir, runtime.secrets()), runDir, runtime, millis, stopped);
	}

	BenchTarget target() {
		return target;
	}

	Path runDir() {
		return runDir;
	}

	boolean startedByBench() {
		return started != null;
	}

	long startMillis() {
		return startMillis;
	}

	@Override
	public void close() {
		if (started != null && stopping.compareAndSet(false, true)) {
			started.close();
		}
	}

	// ---- where everything listens ---------------------------------------------------------------------------

	static BenchTarget target(Path runDir, Map<String, String> secrets) {
		Map<String, String> services = new LinkedHashMap<>();
		SERVICE_PORTS.forEach((service, variable) -> services.put(service,
				"http://127.0.0.1:" + port(variable, defaultPort(service))));
		String keycloak = env("KEYCLOAK_URL", "http://localhost:" + port("KEYCLOAK_PORT", 8180));
		String mongo = env("MONGODB_URI", "mongodb://127.0.0.1:" + port("MONGO_PORT", 27017));
		String kafka = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + port("KAFKA_PORT", 9092));
		return new BenchTarget("http://localhost:" + port("GATEWAY_PORT", 8080), keycloak, Map.copyOf(services), mongo,
				kafka, Map.copyOf(secrets));
	}

	/** The launcher's secrets file, with an environment variable of the same name winning (as the launcher does). */
	static Map<String, String> storedSecrets(Path runDir) throws IOException {
		Properties stored = new Properties();
		Path file = runDir.resolve("secrets.env");
		if (Files.exists(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				stored.load(reader);
			}
		}
		Map<String, String> secrets = new HashMap<>();
		stored.stringPropertyNames().forEach(name -> secrets.put(name, stored.getProperty(name)));
		System.getenv().forEach((name, value) -> {
			if (secrets.containsKey(name) && !value.isBlank()) {
				secrets.put(name, value);
			}
		});
		return secrets;
	}

	private static Map<String, String> servicePorts() {
		Map<String, String> ports = new LinkedHashMap<>();
		ports.put("catalog-service", "CATALOG_PORT");
		ports.put("application-service", "APPLICATION_PORT");
		ports.put("license-service", "LICENSE_PORT");
		ports.put("identity-service", "IDENTITY_PORT");
		ports.put("exchange-service", "EXCHANGE_PORT");
		return ports;
	}

	private static int defaultPort(String service) {
		return 8081 + List.copyOf(SERVICE_PORTS.keySet()).indexOf(service);
	}

	private static int port(String variable, int defaultPort) {
		return Integer.parseInt(env(variable, String.valueOf(defaultPort)));
	}

	private static String env(String variable, String fallback) {
		String value = System.getenv(variable);
		return value == null || value.isBlank() ? fallback : value;
	}

	static boolean healthy(int gatewayPort) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		try {
			HttpResponse<Void> response = http.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/actuator/health"))
				.timeout(Duration.ofSeconds(5))
				.GET()
				.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean portFree(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

}
