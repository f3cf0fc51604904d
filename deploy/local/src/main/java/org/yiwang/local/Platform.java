package org.yiwang.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./platform start | stop | status}: the whole platform on this machine. {@code start} stays in the
 * foreground; Ctrl-C (or {@code ./platform stop} from another terminal) stops everything cleanly.
 */
public final class Platform {

	private Platform() {
	}

	public static void main(String[] args) throws Exception {
		String command = args.length > 0 ? args[0] : "start";
		Path home = Path.of(System.getProperty("platform.home", ".")).toAbsolutePath().normalize();
		Path runDir = Path.of(System.getenv().getOrDefault("PLATFORM_RUN_DIR", home.resolve(".run").toString()));
		PrintStream out = System.out;
		switch (command) {
			case "start" -> start(home, runDir, out);
			case "stop" -> System.exit(stop(runDir, out) ? 0 : 1);
			case "status" -> status(runDir, out);
			default -> {
				out.println("usage: ./platform start | stop | status");
				System.exit(2);
			}
		}
	}

	static void start(Path home, Path runDir, PrintStream out) throws Exception {
		out.println("一网通办 Yiwang platform — starting on this machine (data and logs in " + home.relativize(runDir)
				+ "/)");
		PlatformRuntime platform = PlatformRuntime.create(home, runDir, Map.of(), out);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			out.println("\nstopping the platform ...");
			platform.close();
			out.println("stopped.");
			stopped.countDown();
		}, "platform-shutdown"));
		try {
			platform.start();
		}
		catch (IllegalStateException ex) {
			System.err.println("\nERROR: " + ex.getMessage());
			System.exit(1);
		}
		printTable(platform, out);
		stopped.await();
	}

	static void printTable(PlatformRuntime platform, PrintStream out) {
		Map<String, String> secrets = platform.secrets();
		String password = secrets.get("DEMO_USER_PASSWORD");
		out.println();
		out.println("┌──────────────────────────────────────────────────────────────────────────────");
		out.println("│ Gateway (API)        " + platform.gatewayUrl() + "/api/v1/...");
		out.println("│ Keycloak             " + platform.keycloakUrl() + "  (realm gov; admin console: admin / "
				+ secrets.get("KEYCLOAK_ADMIN_PASSWORD") + ")");
		out.println("│ Kafka                " + platform.kafkaBootstrap());
		out.println("│ MongoDB              " + platform.mongoUri());
		for (String service : PlatformRuntime.SERVICES) {
			out.printf("│ %-20s http://127.0.0.1:%d%n", service, platform.servicePort(service));
		}
		out.println("├─ demo accounts (password for all: " + password + ")");
		out.println("│ citizen              zhangsan (张三), lisi (李四); enterprise agent: wangwu (王五)");
		out.println("│ officers             officer-scjg (市场监管 SCJG), officer-wsjk (卫生健康 WSJK), officer-xfjy (消防 XFJY)");
		out.println("│ department admin     admin-scjg (SCJG)     window clerk: clerk-window     supervisor: supervisor");
		out.println("│ platform admin       platform-admin");
		out.println("│ department system    client dept-scjg-system, secret " + secrets.get("DEPT_SYSTEM_SECRET"));
		out.println("│                      dept-wsjk-system / dept-xfjy-system: DEPT_WSJK_SYSTEM_SECRET / DEPT_XFJY_SYSTEM_SECRET in .run/secrets.env");
		out.println("│ tokens for curl      POST " + platform.keycloakUrl()
				+ "/realms/gov/protocol/openid-connect/token  client_id=yiwang-cli grant_type=password");
		out.println("├─ logs: .run/logs/<process>.log   secrets: .run/secrets.env   stop: Ctrl-C or ./platform stop");
		out.println("└──────────────────────────────────────────────────────────────────────────────");
	}

	/** Stops a platform started by another launcher: asks the launcher to shut down, else each process. */
	static boolean stop(Path runDir, PrintStream out) throws InterruptedException {
		Path pids = runDir.resolve("pids");
		Optional<ProcessHandle> launcher = pid(pids.resolve("launcher.pid"));
		if (launcher.isPresent()) {
			out.println("asking the launcher (pid " + launcher.get().pid() + ") to stop the platform ...");
			launcher.get().destroy();
			long deadline = System.currentTimeMillis() + 120_000;
			while (launcher.get().isAlive() && System.currentTimeMillis() < deadline) {
				Thread.sleep(250);
			}
			if (!launcher.get().isAlive()) {
				out.println("stopped.");
				return true;
			}
		}
		boolean any = false;
		for (String name : List.of("gateway", "exchange-service", "identity-service", "license-service",
				"application-service", "catalog-service", "keycloak", "kafka", "mongo")) {
			Optional<ProcessHandle> process = pid(pids.resolve(name + ".pid"));
			if (process.isPresent()) {
				any = true;
				process.get().descendants().forEach(ProcessHandle::destroy);
				process.get().destroy();
				try {
					process.get().onExit().get(30, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					process.get().destroyForcibly();
				}
				out.println("stopped " + name);
			}
		}
		if (!any && launcher.isEmpty()) {
			out.println("nothing is running.");
		}
		return true;
	}

	static void status(Path runDir, PrintStream out) {
		for (String name : List.of("launcher", "mongo", "kafka", "keycloak", "catalog-service", "application-service",
				"license-service", "identity-service", "exchange-service", "gateway")) {
			out.printf("%-20s %s%n", name, status(runDir.resolve("pids"), name));
		}
	}

	/**
	 * {@code running (pid 123)}, {@code running (pid 123, restarted 2×)}, {@code starting (…)} after a restart until
	 * ready, {@code restarting (exited with code 1; restart 3 in 4 s)}, {@code failed (…; gave up after …)} or
	 * {@code stopped}: the pid file and what the launcher's supervisor last wrote beside it.
	 */
	static String status(Path pids, String name) {
		Optional<ProcessHandle> process = pid(pids.resolve(name + ".pid"));
		java.util.Properties state = Supervisor.readState(pids, name);
		String supervised = state.getProperty("state", "running");
		int restarts = Integer.parseInt(state.getProperty("restarts", "0"));
		String detail = state.getProperty("detail", "");
		boolean launcherAlive = pid(pids.resolve("launcher.pid")).isPresent();
		if (process.isPresent()) {
			String restarted = restarts > 0 ? ", restarted " + restarts + "×" : "";
			return (supervised.equals("starting") ? "starting" : "running") + " (pid " + process.get().pid() + restarted
					+ ")";
		}
		if (supervised.equals("failed")) {
			return "failed (" + detail + ")";
		}
		if (supervised.equals("restarting") && launcherAlive) {
			return "restarting (" + detail + ")";
		}
		return "stopped";
	}

	private static Optional<ProcessHandle> pid(Path file) {
		try {
			if (!Files.exists(file)) {
				return Optional.empty();
			}
			return ProcessHandle.of(Long.parseLong(Files.readString(file).trim())).filter(ProcessHandle::isAlive);
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

}
