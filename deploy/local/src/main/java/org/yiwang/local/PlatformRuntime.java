package org.yiwang.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Starts the whole platform on one machine as separate processes, the way production runs it: a Kafka broker
 * (KRaft), the Mongo wire server (unless {@code MONGODB_URI} is given), Keycloak with the {@code gov} realm, the
 * five services and the gateway. Used by {@code ./platform start} and by the end-to-end tests.
 */
public final class PlatformRuntime implements AutoCloseable {

	public static final String KEYCLOAK_VERSION = "26.5.6";

	static final List<String> SERVICES = List.of("catalog-service", "application-service", "license-service",
			"identity-service", "exchange-service");

	private final Path home;

	private final Path runDir;

	private final Map<String, String> settings;

	private final PrintStream out;

	private final List<ManagedProcess> started = new ArrayList<>();

	private final Map<String, String> secrets;

	private final String javaExecutable;

	private Supervisor.Policy restartPolicy = Supervisor.Policy.DEFAULT;

	private Supervisor supervisor;

	private PlatformRuntime(Path home, Path runDir, Map<String, String> settings, PrintStream out) throws IOException {
		this.home = home;
		this.runDir = runDir;
		this.settings = settings;
		this.out = out;
		this.secrets = Secrets.loadOrGenerate(runDir.resolve("secrets.env"), settings);
		this.javaExecutable = ProcessHandle.current().info().command().orElse("java");
	}

	/**
	 * @param home the repository root (holds the built jars and deploy/)
	 * @param runDir where data, logs, secrets and pid files go
	 * @param overrides settings that win over the environment (ports, MONGODB_URI, ...)
	 */
	public static PlatformRuntime create(Path home, Path runDir, Map<String, String> overrides, PrintStream out)
			throws IOException {
		Map<String, String> settings = new HashMap<>(System.getenv());
		settings.putAll(overrides);
		return new PlatformRuntime(home.toAbsolutePath().normalize(), runDir.toAbsolutePath().normalize(), settings,
				out);
	}

	// ---- settings ---------------------------------------------------------------------------------------------

	int port(String name, int defaultPort) {
		return Integer.parseInt(settings.getOrDefault(name, String.valueOf(defaultPort)));
	}

	String setting(String name) {
		String value = settings.get(name);
		return value == null || value.isBlank() ? null : value;
	}

	public Map<String, String> secrets() {
		return Map.copyOf(secrets);
	}

	public String kafkaBootstrap() {
		String external = setting("KAFKA_BOOTSTRAP_SERVERS");
		return external != null ? external : "127.0.0.1:" + port("KAFKA_PORT", 9092);
	}

	public String mongoUri() {
		String external = setting("MONGODB_URI");
		return external != null ? external : "mongodb://127.0.0.1:" + port("MONGO_PORT", 27017);
	}

	public String keycloakUrl() {
		String external = setting("KEYCLOAK_URL");
		return external != null ? external : "http://localhost:" + port("KEYCLOAK_PORT", 8180);
	}

	public String issuer() {
		return keycloakUrl() + "/realms/gov";
	}

	/** Keycloak as reached from this machine's processes: by IP, never through a name that may resolve to ::1. */
	public String keycloakInternalUrl() {
		return keycloakUrl().replace("//localhost:", "//127.0.0.1:");
	}

	public String gatewayUrl() {
		return "http://localhost:" + port("GATEWAY_PORT", 8080);
	}

	int servicePort(String service) {
		return switch (service) {
			case "catalog-service" -> port("CATALOG_PORT", 8081);
			case "application-service" -> port("APPLICATION_PORT", 8082);
			case "license-service" -> port("LICENSE_PORT", 8083);
			case "identity-service" -> port("IDENTITY_PORT", 8084);
			case "exchange-service" -> port("EXCHANGE_PORT", 8085);
			case "gateway" -> port("GATEWAY_PORT", 8080);
			default -> throw new IllegalArgumentException(service);
		};
	}

	Path logs() {
		return runDir.resolve("logs");
	}

	// ---- lifecycle --------------------------------------------------------------------------------------------

	/** Fails fast, before anything starts, when Java is too old or a port is taken. */
	public void checkPrerequisites() {
		int feature = Runtime.version().feature();
		if (feature < 17) {
			throw new IllegalStateException("Java 17 or newer is required, this is Java " + Runtime.version());
		}
		Map<String, Integer> ports = new LinkedHashMap<>();
		if (setting("KAFKA_BOOTSTRAP_SERVERS") == null) {
			ports.put("Kafka", port("KAFKA_PORT", 9092));
			ports.put("Kafka controller", port("KAFKA_CONTROLLER_PORT", 9093));
		}
		if (setting("MONGODB_URI") == null) {
			ports.put("MongoDB wire server", port("MONGO_PORT", 27017));
		}
		if (setting("KEYCLOAK_URL") == null) {
			ports.put("Keycloak", port("KEYCLOAK_PORT", 8180));
			ports.put("Keycloak management", port("KEYCLOAK_MANAGEMENT_PORT", 8190));
		}
		for (String service : SERVICES) {
			ports.put(service, servicePort(service));
		}
		ports.put("gateway", servicePort("gateway"));
		List<String> taken = ports.entrySet()
			.stream()
			.filter(e -> !Probes.portFree(e.getValue()))
			.map(e -> e.getKey() + " port " + e.getValue())
			.toList();
		if (!taken.isEmpty()) {
			throw new IllegalStateException("ports already in use: " + String.join(", ", taken)
					+ ". Is the platform already running (./platform stop)? Or override them, e.g. GATEWAY_PORT=18080.");
		}
		for (String module : Stream.concat(SERVICES.stream(), Stream.of("gateway")).toList()) {
			if (!Files.exists(jar(module))) {
				throw new IllegalStateException(jar(module) + " is missing: build first (./mvnw -DskipTests install)");
			}
		}
	}

	public void start() throws Exception {
		long begin = System.nanoTime();
		checkPrerequisites();
		Files.createDirectories(runDir.resolve("pids"));
		writePid("launcher", ProcessHandle.current().pid());
		ManagedProcess keycloak = setting("KEYCLOAK_URL") == null ? launch(keycloak()) : null;
		ManagedProcess mongo = setting("MONGODB_URI") == null ? launch(mongo()) : null;
		ManagedProcess kafka = setting("KAFKA_BOOTSTRAP_SERVERS") == null ? launch(kafka()) : null;
		// the wire server answers once it has opened its store: seconds when small, about a minute for a store of
		// 30k applications (2.6 GB, measured); MONGO_READY_TIMEOUT (seconds) for larger ones
		await(mongo, Duration.ofSeconds(setting("MONGO_READY_TIMEOUT") != null
				? Long.parseLong(setting("MONGO_READY_TIMEOUT").trim()) : 180), begin);
		await(kafka, Duration.ofSeconds(60), begin);
		List<ManagedProcess> services = new ArrayList<>();
		for (String service : SERVICES) {
			services.add(launch(service(service)));
		}
		services.add(launch(gateway()));
		for (ManagedProcess service : services) {
			await(service, Duration.ofSeconds(150), begin);
		}
		await(keycloak, Duration.ofSeconds(180), begin);
		out.printf("%nplatform ready in %.0f s%n", (System.nanoTime() - begin) / 1e9);
		supervise();
	}

	/**
	 * From now on a process that exits is started again with back-off (see {@link Supervisor}); during start a death
	 * still fails the start. {@code PLATFORM_RESTART=off} leaves dead processes dead.
	 */
	synchronized void supervise() {
		if ("off".equalsIgnoreCase(setting("PLATFORM_RESTART")) || supervisor != null) {
			return;
		}
		supervisor = new Supervisor(runDir.resolve("pids"), restartPolicy, out);
		started.forEach(supervisor::watch);
	}

	/** The back-off schedule of restarts (tests shorten it). */
	PlatformRuntime restartPolicy(Supervisor.Policy policy) {
		this.restartPolicy = policy;
		return this;
	}

	ManagedProcess launch(ManagedProcess process) throws IOException {
		process.start();
		started.add(process);
		writePid(process.name(), process.process().pid());
		out.printf("  starting %-20s log: %s%n", process.name(), home.relativize(process.logFile()));
		return process;
	}

	private void await(ManagedProcess process, Duration timeout, long begin) throws InterruptedException {
		if (process == null) {
			return;
		}
		process.awaitReady(timeout, () -> started.stream()
			.filter(p -> !p.process().isAlive())
			.findFirst()
			.ifPresent(dead -> {
				throw new IllegalStateException(dead.name() + " exited with code " + dead.process().exitValue()
						+ " during startup; see " + dead.logFile());
			}));
		out.printf("  ready    %-20s %-45s (%4.1f s)%n", process.name(), process.url(),
				(System.nanoTime() - begin) / 1e9);
	}

	/** Stops everything started, services first and the stores last, each gracefully. */
	@Override
	public void close() {
		// no restart may race the stop: the supervisor lets go first, then each current incarnation is stopped
		synchronized (this) {
			if (supervisor != null) {
				supervisor.close();
				supervisor = null;
			}
		}
		List<ManagedProcess> reverse = new ArrayList<>(started);
		java.util.Collections.reverse(reverse);
		List<ManagedProcess> services = reverse.stream()
			.filter(p -> SERVICES.contains(p.name()) || p.name().equals("gateway"))
			.toList();
		services.parallelStream().forEach(p -> p.stop(Duration.ofSeconds(20)));
		reverse.stream().filter(p -> !services.contains(p)).forEach(p -> {
			p.stop(Duration.ofSeconds(30));
			out.printf("  stopped  %s%n", p.name());
		});
		started.clear();
		try (Stream<Path> pids = Files.list(runDir.resolve("pids"))) {
			pids.forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// nothing to clean
		}
	}

	private void writePid(String name, long pid) throws IOException {
		Files.createDirectories(runDir.resolve("pids"));
		Files.writeString(runDir.resolve("pids").resolve(name + ".pid"), Long.toString(pid));
	}

	// ---- the processes ----------------------------------------------------------------------------------------

	private Path jar(String module) {
		return home.resolve(module).resolve("target").resolve(module + ".jar");
	}

	private String runtimeClasspath() {
		Path target = home.resolve("deploy/local/target");
		return target.resolve("local-runtime.jar") + java.io.File.pathSeparator + target.resolve("lib") + "/*";
	}

	ManagedProcess mongo() throws IOException {
		int port = port("MONGO_PORT", 27017);
		Path data = runDir.resolve("mongo").resolve("yiwang");
		Files.createDirectories(data.getParent());
		String store = "memory".equals(setting("MONGO_STORE")) ? ":memory:" : data.toString();
		// the oplog (change streams) is kept only when asked for: no service uses change streams, and it grew the
		// H2 file by a copy of every write
		String oplog = "true".equalsIgnoreCase(setting("MONGO_OPLOG")) ? "oplog" : "no-oplog";
		String heap = setting("MONGO_HEAP") != null ? setting("MONGO_HEAP") : "512m";
		// a wire server out of heap stops answering but lives on: exit instead, so the supervisor restarts it
		return new ManagedProcess("mongo", List.of(javaExecutable, "-Xmx" + heap, "-Xms32m", "-XX:+UseSerialGC",
				"-XX:+ExitOnOutOfMemoryError", "-cp",
				runtimeClasspath(), MongoWireServer.class.getName(), "127.0.0.1", String.valueOf(port), store, oplog),
				Map.of(), runDir, logs().resolve("mongo.log"), Probes.tcp(port), "mongodb://127.0.0.1:" + port);
	}

	ManagedProcess kafka() throws IOException, InterruptedException {
		int port = port("KAFKA_PORT", 9092);
		int controller = port("KAFKA_CONTROLLER_PORT", 9093);
		Path dir = runDir.resolve("kafka");
		Path data = dir.resolve("data");
		Files.createDirectories(data);
		Path config = dir.resolve("server.properties");
		Files.writeString(config, String.join("\n", "# generated by the launcher at every start",
				"process.roles=broker,controller", "node.id=1", "controller.quorum.voters=1@127.0.0.1:" + controller,
				"listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
				"advertised.listeners=PLAINTEXT://127.0.0.1:" + port, "controller.listener.names=CONTROLLER",
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
				"inter.broker.listener.name=PLAINTEXT", "log.dirs=" + data, "num.partitions=3",
				"offsets.topic.replication.factor=1", "offsets.topic.num.partitions=3",
				"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
				"share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
				"group.initial.rebalance.delay.ms=0", "auto.create.topics.enable=true", ""));
		if (!Files.exists(data.resolve("meta.properties"))) {
			String clusterId = setting("KAFKA_CLUSTER_ID") != null ? setting("KAFKA_CLUSTER_ID")
					: uuidToKafkaId(UUID.randomUUID());
			Process format = new ProcessBuilder(javaExecutable, "-Xmx128m", "-cp", runtimeClasspath(),
					"kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logs().resolve("kafka.log").toFile()))
				.start();
			if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
				throw new IllegalStateException("formatting Kafka storage failed; see " + logs().resolve("kafka.log"));
			}
		}
		String bootstrap = "127.0.0.1:" + port;
		return new ManagedProcess("kafka",
				List.of(javaExecutable, "-Dyiwang.clients.log.level=WARN", "-Xmx256m", "-Xms64m", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
						"-Dkafka.logs.dir=" + dir.resolve("logs"), "-cp", runtimeClasspath(), "kafka.Kafka",
						config.toString()),
				Map.of(), dir, logs().resolve("kafka.log"), Probes.kafka(bootstrap), bootstrap);
	}

	static String uuidToKafkaId(UUID uuid) {
		java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
		buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
	}

	ManagedProcess keycloak() throws Exception {
		int port = port("KEYCLOAK_PORT", 8180);
		int management = port("KEYCLOAK_MANAGEMENT_PORT", 8190);
		Path dist = keycloakDistribution();
		Path realm = home.resolve("deploy/keycloak/gov-realm.json");
		Path imports = dist.resolve("data/import");
		Files.createDirectories(imports);
		// a realm that exists is never re-imported: when the realm file (or its secrets) changed, start afresh
		String fingerprint = sha256(Files.readString(realm) + secrets);
		Path fingerprintFile = runDir.resolve("keycloak/realm.sha256");
		Files.createDirectories(fingerprintFile.getParent());
		if ("true".equals(setting("KEYCLOAK_FRESH"))) {
			deleteTree(dist.resolve("data/h2"));
		}
		else if (Files.exists(fingerprintFile) && !Files.readString(fingerprintFile).equals(fingerprint)) {
			out.println("  gov-realm.json changed: Keycloak's local database is reset and the realm re-imported");
			deleteTree(dist.resolve("data/h2"));
		}
		Files.copy(realm, imports.resolve("gov-realm.json"), StandardCopyOption.REPLACE_EXISTING);
		Files.writeString(fingerprintFile, fingerprint);
		Map<String, String> env = new HashMap<>(secrets);
		env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
		env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.get("KEYCLOAK_ADMIN_PASSWORD"));
		env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
		env.put("JAVA_HOME", Path.of(javaExecutable).getParent().getParent().toString());
		return new ManagedProcess("keycloak",
				List.of(dist.resolve("bin/kc.sh").toString(), "start", "--optimized", "--cache=local",
						"--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
						"--hostname=" + keycloakUrl(), "--http-management-port=" + management, "--import-realm"),
				env, dist, logs().resolve("keycloak.log"),
				Probes.http(keycloakInternalUrl() + "/realms/gov/.well-known/openid-configuration"), keycloakUrl());
	}

	/** Unpacks and builds (once) the Keycloak distribution fetched by the Maven build. */
	private Path keycloakDistribution() throws Exception {
		Path parent = runDir.resolve("keycloak");
		Path dist = parent.resolve("keycloak-" + KEYCLOAK_VERSION);
		Path zip = home.resolve("deploy/local/target/dist/keycloak-quarkus-dist.zip");
		if (!Files.exists(dist.resolve("bin/kc.sh"))) {
			if (!Files.exists(zip)) {
				throw new IllegalStateException(zip + " is missing: build first (./mvnw -DskipTests install)");
			}
			out.println("  unpacking Keycloak " + KEYCLOAK_VERSION + " (first start only)");
			unzip(zip, parent);
			try (Stream<Path> scripts = Files.list(dist.resolve("bin"))) {
				scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
			}
		}
		String buildOptions = "--db=dev-file --health-enabled=true --metrics-enabled=true";
		Path marker = parent.resolve("built.txt");
		if (!Files.exists(marker) || !Files.readString(marker).equals(buildOptions)) {
			out.println("  building Keycloak (first start only, ~30 s)");
			List<String> command = new ArrayList<>(List.of(dist.resolve("bin/kc.sh").toString(), "build"));
			command.addAll(List.of(buildOptions.split(" ")));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logs().resolve("keycloak.log").toFile()));
			builder.environment().put("JAVA_HOME", Path.of(javaExecutable).getParent().getParent().toString());
			Files.createDirectories(logs());
			Process build = builder.start();
			if (!build.waitFor(300, TimeUnit.SECONDS) || build.exitValue() != 0) {
				throw new IllegalStateException("kc.sh build failed; see " + logs().resolve("keycloak.log"));
			}
			Files.writeString(marker, buildOptions);
		}
		return dist;
	}

	/** Which generated secret is the service's own Keycloak client's (realm clients svc-*). */
	static final Map<String, String> SERVICE_CLIENT_SECRETS = Map.of("application-service", "SVC_APPLICATION_SECRET",
			"license-service", "SVC_LICENSE_SECRET", "exchange-service", "SVC_EXCHANGE_SECRET");

	ManagedProcess service(String service) {
		int port = servicePort(service);
		Map<String, String> env = new HashMap<>();
		env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
		env.put("MONGODB_URI", mongoUri());
		env.put("KEYCLOAK_ISSUER", issuer());
		env.put("KEYCLOAK_JWKS_URI", keycloakInternalUrl() + "/realms/gov/protocol/openid-connect/certs");
		env.put("KEYCLOAK_ADMIN_URL", keycloakInternalUrl());
		env.put("IDENTITY_ADMIN_SECRET", secrets.get("IDENTITY_ADMIN_SECRET"));
		env.put("EXCHANGE_SUBJECT_KEY", secrets.get("EXCHANGE_SUBJECT_KEY"));
		env.put("APPLICATION_WEBHOOK_KEY", secrets.get("APPLICATION_WEBHOOK_KEY"));
		env.put("PLATFORM_DEMO_SEED", settings.getOrDefault("PLATFORM_DEMO_SEED", "true"));
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("SERVER_ADDRESS", "127.0.0.1");
		env.put("PLATFORM_PUBLIC_URL", gatewayUrl());
		// keys generated at first start live with the installation's data, never in the repository
		env.put("LICENSE_KEYS_DIR", runDir.resolve("license-keys").toString());
		env.put("IDENTITY_KEY_DIR", runDir.resolve("identity-keys").toString());
		// service-to-service calls: the service's own Keycloak client and where its peers listen
		String clientSecret = SERVICE_CLIENT_SECRETS.get(service);
		if (clientSecret != null) {
			env.put("PLATFORM_SERVICE_CLIENT_SECRET", secrets.get(clientSecret));
		}
		env.put("KEYCLOAK_REALM_URI", keycloakInternalUrl() + "/realms/gov");
		for (String peer : List.of("catalog", "application", "license", "identity", "exchange")) {
			env.put(peer.toUpperCase(java.util.Locale.ROOT) + "_URI", "http://127.0.0.1:" + servicePort(peer + "-service"));
		}
		return new ManagedProcess(service, javaCommand(service), env, runDir, logs().resolve(service + ".log"),
				Probes.http("http://127.0.0.1:" + port + "/actuator/health/readiness"), "http://127.0.0.1:" + port);
	}

	ManagedProcess gateway() {
		int port = servicePort("gateway");
		Map<String, String> env = new HashMap<>();
		env.put("KEYCLOAK_ISSUER", issuer());
		env.put("KEYCLOAK_JWKS_URI", keycloakInternalUrl() + "/realms/gov/protocol/openid-connect/certs");
		env.put("SERVER_PORT", String.valueOf(port));
		env.put("CATALOG_URI", "http://127.0.0.1:" + servicePort("catalog-service"));
		env.put("APPLICATION_URI", "http://127.0.0.1:" + servicePort("application-service"));
		env.put("LICENSE_URI", "http://127.0.0.1:" + servicePort("license-service"));
		env.put("IDENTITY_URI", "http://127.0.0.1:" + servicePort("identity-service"));
		env.put("EXCHANGE_URI", "http://127.0.0.1:" + servicePort("exchange-service"));
		Path portal = home.resolve("portal/dist");
		if (Files.exists(portal.resolve("index.html"))) {
			env.put("PORTAL_LOCATION", portal.toUri().toString());
		}
		env.put("PLATFORM_GATEWAY_CORS_ALLOWED_ORIGINS", "http://localhost:5173," + gatewayUrl());
		// the per-caller rate limit stays on by default; GATEWAY_RATE_LIMIT=off lifts it (benchmarks only)
		if ("off".equalsIgnoreCase(setting("GATEWAY_RATE_LIMIT"))) {
			env.put("PLATFORM_GATEWAY_RATELIMIT_ENABLED", "false");
		}
		return new ManagedProcess("gateway", javaCommand("gateway"), env, runDir, logs().resolve("gateway.log"),
				Probes.http("http://127.0.0.1:" + port + "/actuator/health/readiness"), gatewayUrl());
	}

	/**
	 * JVM flags of the services and the gateway, chosen by measurement (docs/scaling.md, "JVM flags"): the full
	 * tiered JIT (C1-only served a third fewer requests per CPU second once warm), a small serial-GC heap, a
	 * bounded code cache so ten JVMs stay within the memory budget. {@code SERVICE_JAVA_OPTS} replaces them.
	 */
	private List<String> javaCommand(String module) {
		List<String> command = new ArrayList<>();
		command.add(javaExecutable);
		String custom = setting("SERVICE_JAVA_OPTS");
		if (custom != null && !custom.isBlank()) {
			command.addAll(List.of(custom.trim().split("\\s+")));
		}
		else {
			command.addAll(List.of("-Xmx200m", "-Xms48m", "-XX:+UseSerialGC", "-Xss512k", "-XX:MaxMetaspaceSize=160m",
					"-XX:ReservedCodeCacheSize=64m", "-XX:CICompilerCount=2"));
		}
		command.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-jar", snapshot(module).toString()));
		return command;
	}

	/**
	 * The service runs from a copy of its jar under the run directory, so that rebuilding the project while the
	 * platform runs (a test run, an IDE build) cannot pull classes out from under a live JVM.
	 */
	private Path snapshot(String module) {
		Path copy = runDir.resolve("jars").resolve(module + ".jar");
		try {
			Files.createDirectories(copy.getParent());
			Files.copy(jar(module), copy, StandardCopyOption.REPLACE_EXISTING);
			return copy;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException("cannot copy " + jar(module) + " to " + copy, ex);
		}
	}

	// ---- helpers ----------------------------------------------------------------------------------------------

	private static void unzip(Path zip, Path target) throws IOException {
		try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
			ZipEntry entry;
			while ((entry = entries.getNextEntry()) != null) {
				Path destination = target.resolve(entry.getName()).normalize();
				if (!destination.startsWith(target)) {
					throw new IOException("zip entry outside the target: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(destination);
				}
				else {
					Files.createDirectories(destination.getParent());
					Files.copy(entries, destination, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	public static void deleteTreeQuietly(Path root) {
		try {
			deleteTree(root);
		}
		catch (IOException ex) {
			// best effort
		}
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes()));
	}

}
