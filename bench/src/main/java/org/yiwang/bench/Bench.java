package org.yiwang.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.yiwang.bench.http.GatewayVsDirect;
import org.yiwang.bench.http.HttpLoad;
import org.yiwang.bench.http.LoadResult;
import org.yiwang.bench.http.Tokens;
import org.yiwang.bench.peer.FlowablePeer;
import org.yiwang.bench.peer.PeerResult;
import org.yiwang.bench.proc.DataDirs;
import org.yiwang.bench.proc.ProcessCpu;
import org.yiwang.bench.proc.ProcessUsage;
import org.yiwang.bench.report.Machines;
import org.yiwang.bench.report.Percentiles;
import org.yiwang.bench.report.Report;
import org.yiwang.bench.report.ReportWriter;
import org.yiwang.bench.seed.HistorySeeder;
import org.yiwang.bench.theme.Burst;
import org.yiwang.bench.theme.BurstResult;
import org.yiwang.bench.theme.ThemeResult;
import org.yiwang.bench.theme.ThemeScenario;
import org.yiwang.bench.verify.LicenceSource;
import org.yiwang.bench.verify.RawEs256;
import org.yiwang.bench.verify.VerifyVsRaw;
import org.yiwang.local.PlatformRuntime;

/**
 * {@code ./platform bench [--quick]}: measures the platform end to end and a Flowable peer in one run, and writes
 * {@code report.json}, {@code report.md} and SVG plots. Phases, in order: machine facts → platform (the running one,
 * or started) → for each stored-history level: seed, then a sustained theme run with CPU snapshots around it →
 * campaign burst → gateway vs direct → licence verification vs raw JCA → Flowable peer (1 and 2 threads, the theme's
 * count) → report. A failing phase is recorded and the rest still runs.
 *
 * <p>
 * Exit code: 0; 1 when the platform lost an application or applied one twice; 2 when the report could not be
 * written; 64 for a bad command line.
 */
public final class Bench {

	static final List<String> WALLET_HOLDERS = List.of("zhangsan", "lisi", "wangwu");

	private final BenchOptions options;

	private final Progress progress;

	private final PrintStream out;

	private final List<Report.PhaseFailure> failures = new ArrayList<>();

	private Bench(BenchOptions options, Progress progress, PrintStream out) {
		this.options = options;
		this.progress = progress;
		this.out = out;
	}

	public static void main(String[] args) {
		if (System.getProperty("log4j2.configurationFile") == null) {
			System.setProperty("log4j2.configurationFile", "log4j2-bench.xml");
		}
		BenchOptions options;
		try {
			if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
				System.out.print(BenchOptions.USAGE);
				return;
			}
			options = BenchOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("bench: " + ex.getMessage());
			System.err.print(BenchOptions.USAGE);
			System.exit(64);
			return;
		}
		String command = Optional.ofNullable(System.getenv("BENCH_COMMAND"))
			.filter(c -> !c.isBlank())
			.orElse((System.getProperty("platform.home") != null ? "./platform bench " : "bench ") + String.join(" ", args))
			.trim();
		int code = new Bench(options, new ConsoleProgress(System.out), System.out).run(command);
		System.exit(code);
	}

	int run(String command) {
		OffsetDateTime startedAt = OffsetDateTime.now();
		Path outDir = options.out() != null ? options.out()
				: options.home()
					.resolve("bench/results")
					.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
							+ (options.quick() ? "-quick" : ""));
		progress.report("bench" + (options.quick() ? " (quick)" : "") + ": report to " + outDir);
		Report.Machine machine = Machines.current();
		progress.report(String.format(Locale.ROOT, "machine: %d processors, %.1f GiB, %s, Java %s, load %.2f",
				machine.processors(), machine.memoryBytes() / 1073741824.0, machine.cpuModel(), machine.javaVersion(),
				machine.loadAverageAtStart()));

		boolean needsPlatform = List.of("levels", "burst", "gateway", "verify").stream().anyMatch(options::runs);
		PlatformUnderTest platform = !needsPlatform ? null
				: phase("platform", () -> PlatformUnderTest.connect(options.home(), options.platform(), progress, out));
		List<Report.LevelRun> levels = new ArrayList<>();
		Report.BurstRun burst = null;
		Report.GatewayRun gateway = null;
		Report.VerifyRun verify = null;
		Report.PlatformInfo platformInfo = null;
		try {
			if (platform != null) {
				ProcessCpu cpu = new ProcessCpu(options.home(), platform.runDir());
				ProcessCpu.Snapshot found = cpu.snapshot();
				progress.report("processes: " + String.join(", ", found.names()));
				platformInfo = new Report.PlatformInfo(platform.startedByBench(), platform.target().gatewayUrl(),
						platform.target().keycloakUrl(), platform.target().serviceUrls(), platform.startMillis(),
						found.names());
				if (options.runs("levels")) {
					levels = levels(platform, cpu);
				}
				if (options.runs("burst")) {
					burst = burst(platform, cpu);
				}
				if (options.runs("gateway")) {
					gateway = gatewayVsDirect(platform.target());
				}
				if (options.runs("verify")) {
					verify = verify(platform.target());
				}
			}
			else if (options.runs("verify")) {
				verify = verify(null);
			}
		}
		finally {
			if (platform != null && platform.startedByBench()) {
				progress.report("platform: stopping the platform the bench started");
				phase("platform stop", () -> {
					platform.close();
					return null;
				});
			}
		}
		List<Report.PeerRun> peer = options.runs("peer") ? peer(outDir) : List.of();

		int lost = 0;
		int duplicates = 0;
		for (Report.LevelRun level : levels) {
			if (level.theme() != null) {
				lost += level.theme().lost();
				duplicates += level.theme().duplicates();
			}
		}
		if (burst != null) {
			lost += burst.lost();
			duplicates += burst.duplicates();
		}
		Report.Integrity integrity = new Report.Integrity(lost, duplicates, lost == 0 && duplicates == 0);
		Report report = new Report(command, ProcessHandle.current().info().commandLine().orElse("java"),
				startedAt.toString(), OffsetDateTime.now().toString(), options.quick(), machine, settings(), platformInfo,
				levels, burst, gateway, verify, peer, ratios(levels, gateway, verify, peer), integrity, failures,
				notes());
		try {
			List<Path> files = ReportWriter.write(report, outDir);
			progress.report("report: " + files.size() + " files in " + outDir + " (report.md, report.json, "
					+ (files.size() - 2) + " plots)");
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("bench: the report could not be written to " + outDir + ": " + ex);
			return 2;
		}
		if (!failures.isEmpty()) {
			progress.report("phases that failed: "
					+ String.join("; ", failures.stream().map(f -> f.phase() + " (" + f.error() + ")").toList()));
		}
		if (!integrity.ok()) {
			progress.report("INTEGRITY: " + lost + " applications lost, " + duplicates + " applied twice");
			return 1;
		}
		return 0;
	}

	// ---- phases ---------------------------------------------------------------------------------------------

	private List<Report.LevelRun> levels(PlatformUnderTest platform, ProcessCpu cpu) {
		List<Report.LevelRun> runs = new ArrayList<>();
		BenchTarget target = platform.target();
		HistorySeeder seeder = phase("seed: connect", () -> new HistorySeeder(target, progress));
		ThemeScenario theme = phase("theme: prepare", () -> new ThemeScenario(target, progress));
		try {
			if (theme != null && options.platformWarmUp() > 0) {
				progress.report("platform warm-up: " + options.platformWarmUp() + " applications, not measured");
				phase("platform warm-up",
						() -> theme.run(options.platformWarmUp(), options.concurrency()));
			}
			for (long level : options.levels()) {
				String name = "level " + level;
				Map<String, Long> diskBefore = DataDirs.measure(platform.runDir());
				Long storedBefore = seeder == null ? null : phase(name + ": count", seeder::storedApplications);
				long seedBegin = System.nanoTime();
				progress.report(name + ": seeding stored history up to " + level + " applications (now " + storedBefore + ")");
				if (seeder != null) {
					phase(name + ": seed", () -> seeder.seedUntil(level));
				}
				long seedMillis = (System.nanoTime() - seedBegin) / 1_000_000;
				Long storedAfterSeed = seeder == null ? null : phase(name + ": count", seeder::storedApplications);
				progress.report(name + ": " + storedAfterSeed + " stored; theme run of " + options.applications()
						+ " applications, " + options.concurrency() + " submitters");
				ProcessCpu.Snapshot before = cpu.snapshot();
				ThemeResult result = theme == null ? null
						: phase(name + ": theme", () -> theme.run(options.applications(), options.concurrency()));
				ProcessCpu.Snapshot after = cpu.snapshot();
				List<ProcessUsage> usage = cpu.between(before, after, result == null ? 0 : result.completed());
				Long storedAfterTheme = seeder == null ? null : phase(name + ": count", seeder::storedApplications);
				Map<String, Long> diskAfter = DataDirs.measure(platform.runDir());
				long bytesAfter = diskAfter.values().stream().mapToLong(Long::longValue).sum();
				long bytesBefore = diskBefore.values().stream().mapToLong(Long::longValue).sum();
				long added = orZero(storedAfterTheme) - orZero(storedBefore);
				Report.ThemeRun themeRun = result == null ? null : themeRun(result, usage);
				runs.add(new Report.LevelRun(level, orZero(storedBefore), orZero(storedAfterSeed), orZero(storedAfterTheme),
						seedMillis, themeRun, usage, diskBefore, diskAfter,
						orZero(storedAfterTheme) > 0 ? (double) bytesAfter / storedAfterTheme : null,
						added > 0 ? (double) (bytesAfter - bytesBefore) / added : null));
				if (themeRun != null) {
					progress.report(String.format(Locale.ROOT,
							"%s: %.2f applications/s, %d/%d complete, platform %.1f CPU-ms/application", name,
							themeRun.throughputPerSecond(), themeRun.completed(), themeRun.applications(),
							Optional.ofNullable(themeRun.platformCpuMillisPerApplication()).orElse(Double.NaN)));
				}
			}
		}
		finally {
			closeQuietly(theme);
			closeQuietly(seeder);
		}
		return runs;
	}

	private Report.ThemeRun themeRun(ThemeResult r, List<ProcessUsage> usage) {
		Double platformCpu = null;
		for (ProcessUsage u : usage) {
			if (!ProcessCpu.SELF.equals(u.name()) && u.cpuMillisPerApplication() != null) {
				platformCpu = (platformCpu == null ? 0 : platformCpu) + u.cpuMillisPerApplication();
			}
		}
		return new Report.ThemeRun(r.applications(), options.concurrency(), r.completed(), r.lost(), r.duplicates(),
				r.elapsedMillis(), r.throughputPerSecond(), Percentiles.of(r.submitToLastLicenceMillis(), 1),
				Percentiles.of(r.submitMillis(), 1), platformCpu == null ? null : Math.round(platformCpu * 1000) / 1000.0);
	}

	private Report.BurstRun burst(PlatformUnderTest platform, ProcessCpu cpu) {
		progress.report("burst: " + options.burst() + " submissions in " + options.burstWindow().toSeconds() + " s");
		ProcessCpu.Snapshot before = cpu.snapshot();
		BurstResult result = phase("burst", () -> {
			try (Burst burst = new Burst(platform.target(), progress)) {
				return burst.run(options.burst(), options.burstWindow());
			}
		});
		if (result == null) {
			return null;
		}
		ProcessCpu.Snapshot after = cpu.snapshot();
		progress.report(String.format(Locale.ROOT, "burst: %d accepted, %d refused, %d completed, %d lost, drained in %d ms",
				result.submitted(), result.refused(), result.completed(), result.lost(), result.drainMillis()));
		return new Report.BurstRun(options.burst(), options.burstWindow().toMillis(), result.submitted(),
				result.refused(), result.completed(), result.lost(), result.duplicates(), result.submitWindowMillis(),
				result.drainMillis(), Percentiles.of(result.submitToLastLicenceMillis(), 1),
				result.lag() == null ? List.of()
						: result.lag().stream().map(l -> new Report.LagPoint(l.atMillis(), l.lagByGroup())).toList(),
				cpu.between(before, after, result.completed()));
	}

	private Report.GatewayRun gatewayVsDirect(BenchTarget target) {
		return phase("gateway vs direct", () -> {
			Tokens tokens = new Tokens(target.keycloakUrl());
			String password = target.secret("DEMO_USER_PASSWORD");
			GatewayVsDirect comparison = new GatewayVsDirect(target.gatewayUrl(), target.serviceUrl("catalog-service"),
					() -> tokens.password("zhangsan", password), new HttpLoad(), progress);
			GatewayVsDirect.Comparison result = comparison.run(options.connections(), options.round(), options.pairs(),
					options.warmUp());
			return new Report.GatewayRun(result.path(), result.roundMillis(), result.pairs(), result.warmUpMillis(),
					result.levels()
						.stream()
						.map(l -> new Report.GatewayLevel(l.connections(), round(l.gateway()), round(l.direct()),
								Math.round(l.ratio() * 1000) / 1000.0))
						.toList());
		});
	}

	private Report.VerifyRun verify(BenchTarget target) {
		return phase("verify vs raw", () -> {
			Optional<String> credential = Optional.ofNullable(options.credential());
			String source = credential.isPresent() ? "given on the command line (--credential)" : null;
			if (credential.isEmpty() && target != null) {
				List<String> reasons = new ArrayList<>();
				Tokens tokens = new Tokens(target.keycloakUrl());
				Map<String, String> holders = new LinkedHashMap<>();
				for (String holder : WALLET_HOLDERS) {
					try {
						holders.put(holder, tokens.password(holder, target.secret("DEMO_USER_PASSWORD")));
					}
					catch (RuntimeException ex) {
						reasons.add(holder + ": " + ex.getMessage());
					}
				}
				LicenceSource licences = new LicenceSource(target.gatewayUrl(), Duration.ofSeconds(20));
				LicenceSource.Found found = licences.fromEvents(target.kafkaBootstrap(), holders);
				if (found.credential().isEmpty()) {
					reasons.add(found.description());
					for (Map.Entry<String, String> holder : holders.entrySet()) {
						found = licences.fromWallet(holder.getKey(), holder.getValue());
						if (found.credential().isPresent()) {
							break;
						}
						reasons.add(found.description());
						if (found.description().contains("could not be read")) {
							// a wallet that times out will not answer the next holder faster
							break;
						}
					}
				}
				credential = found.credential();
				source = credential.isPresent() ? found.description() : String.join("; ", reasons);
			}
			if (target == null) {
				source = source == null ? "no platform" : source;
				credential = Optional.empty();
			}
			VerifyVsRaw.Result r = new VerifyVsRaw(new HttpLoad(), progress).run(credential, source,
					target == null ? null : target.serviceUrl("license-service"),
					target == null ? null : target.gatewayUrl(), options.rawVerifications(), options.verifyConnections(),
					options.verifyRound());
			return new Report.VerifyRun(r.credentialSource(), r.credentialChars(), r.payloadBytes(), raw(r.rawOneThread()),
					raw(r.rawTwoThreads()), r.platformValid(), r.platformAnswer(), round(r.direct()), round(r.gateway()),
					roundRatio(r.directOverRaw()), roundRatio(r.gatewayOverRaw()), r.skipped());
		});
	}

	private List<Report.PeerRun> peer(Path outDir) {
		List<Report.PeerRun> runs = new ArrayList<>();
		Path work = outDir.resolve("tmp");
		int applications = options.applications();
		phase("flowable warm-up", () -> {
			progress.report("flowable: warming up the engine with " + options.peerWarmUp() + " applications");
			FlowablePeer.warmUp(work.resolve("peer-warm-up"), options.peerWarmUp());
			return null;
		});
		for (int threads : List.of(1, 2)) {
			Report.PeerRun run = phase("flowable " + threads + " thread(s)", () -> {
				progress.report("flowable: " + applications + " applications on " + threads + " driver thread(s)");
				PeerResult r = FlowablePeer.measure(work.resolve("peer-" + threads + "t"), applications, threads, progress);
				progress.report(String.format(Locale.ROOT,
						"flowable %dt: %.1f applications/s, p50 %.1f ms, %.1f CPU-ms/application, %.0f DB bytes/application, %d licences, %d incomplete",
						threads, r.throughputPerSecond(), r.latency().p50Millis(), r.processCpuMillisPerApplication(),
						r.databaseBytesPerApplication(), r.licences(), r.incomplete()));
				return new Report.PeerRun(r.threads(), r.applications(), r.completed(), r.failed(), r.elapsedMillis(),
						round3(r.throughputPerSecond()), r.latency(), round3(r.processCpuMillis()),
						round3(r.processCpuMillisPerApplication()), round3(r.driverCpuMillisPerApplication()),
						r.databaseBytes(), round3(r.databaseBytesPerApplication()), r.licences(), r.incomplete(),
						r.orderingViolations(), r.engineStartMillis(), r.firstError());
			});
			if (run != null) {
				runs.add(run);
			}
		}
		PlatformRuntime.deleteTreeQuietly(work);
		return runs;
	}

	// ---- the report's derived parts -------------------------------------------------------------------------

	private Report.Settings settings() {
		return new Report.Settings(options.levels(), options.applications(), options.concurrency(), options.burst(),
				options.burstWindow().toMillis(), options.connections(), options.round().toMillis(), options.pairs(),
				options.warmUp().toMillis(), options.verifyConnections(), options.rawVerifications(),
				options.applications(), options.peerWarmUp(), options.platformWarmUp());
	}

	static Report.Ratios ratios(List<Report.LevelRun> levels, Report.GatewayRun gateway, Report.VerifyRun verify,
			List<Report.PeerRun> peer) {
		Report.ThemeRun first = levels.stream().map(Report.LevelRun::theme).filter(t -> t != null).findFirst().orElse(null);
		Report.PeerRun one = peer.stream().filter(p -> p.threads() == 1).findFirst().orElse(null);
		Report.PeerRun two = peer.stream().filter(p -> p.threads() == 2).findFirst().orElse(null);
		Double overOne = first == null || one == null || one.throughputPerSecond() == 0 ? null
				: roundRatio(first.throughputPerSecond() / one.throughputPerSecond());
		Double overTwo = first == null || two == null || two.throughputPerSecond() == 0 ? null
				: roundRatio(first.throughputPerSecond() / two.throughputPerSecond());
		Double cpu = first == null || first.platformCpuMillisPerApplication() == null || two == null
				|| two.processCpuMillisPerApplication() == 0 ? null
						: roundRatio(first.platformCpuMillisPerApplication() / two.processCpuMillisPerApplication());
		Map<String, Double> byConnections = new LinkedHashMap<>();
		if (gateway != null) {
			gateway.levels().forEach(l -> byConnections.put(String.valueOf(l.connections()), l.ratio()));
		}
		return new Report.Ratios(overOne, overTwo, cpu, byConnections, verify == null ? null : verify.directOverRaw(),
				verify == null ? null : verify.gatewayOverRaw());
	}

	private List<String> notes() {
		return List.of(
				"The bench, the platform and the peer share this machine's processors: the load generator's own CPU is listed as `bench`; the platform total excludes it.",
				"Platform throughput is completed applications (all three licences issued, learnt from license.events) per second from the first submission to the last completion, through the gateway with real Keycloak tokens; the departments decide through their webhooks.",
				"The Flowable peer runs in the bench JVM: one driver thread per application acts as applicant and as all three departments (query task by process instance and candidate group, claim, complete); every approval issues a numbered licence, signed ES256 like the platform's, into a table in the engine's transaction. Its CPU is the whole JVM's over the run.",
				"Disk bytes per added application compare the stores' size before seeding and after the theme run; the Mongo wire server's H2 file and Kafka's log segments grow in steps, so small runs give coarse numbers.",
				"Gateway vs direct: closed loop, each connection kept alive and sending its next request on the previous answer; throughput counts 200 answers only; rounds alternate sides (gateway, direct, direct, gateway, …).",
				"Platform verification runs the full public endpoint (parse, key lookup, signature, status list, JSON answer) against raw JCA signature verification only; the ratio shows the price of everything around the signature.");
	}

	private static Report.LoadRound round(LoadResult r) {
		if (r == null) {
			return null;
		}
		return new Report.LoadRound(r.label(), r.connections(), r.rounds(), r.elapsedMillis(), r.answers(),
				round3(r.throughputPerSecond()), r.statuses(), Percentiles.of(r.latencyMicros(), 1000),
				r.connectionsOpened());
	}

	private static Report.RawRate raw(RawEs256.Rate rate) {
		return new Report.RawRate(rate.threads(), rate.verifications(), rate.elapsedMillis(), round3(rate.perSecond()),
				rate.invalid());
	}

	private static Double roundRatio(Double value) {
		return value == null || !Double.isFinite(value) ? null : Math.round(value * 1000) / 1000.0;
	}

	private static double round3(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	private static long orZero(Long value) {
		return value == null ? 0 : value;
	}

	/** Runs one phase; a failure is recorded (and printed) and gives null, so that the run goes on. */
	private <T> T phase(String name, Callable<T> work) {
		try {
			return work.call();
		}
		catch (Exception | LinkageError | AssertionError ex) {
			String error = ex.getMessage() == null ? ex.toString() : ex.getClass().getSimpleName() + ": " + ex.getMessage();
			failures.add(new Report.PhaseFailure(name, error));
			progress.report("FAILED " + name + ": " + error);
			return null;
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// best effort
		}
	}

}
