package org.yiwang.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The bench's command line. {@code --quick} picks counts small enough for a CI smoke (the whole run, platform start
 * included, under three minutes on two cores); every count can still be set on its own.
 *
 * @param quick the smoke
 * @param out where the report goes; null for {@code bench/results/<yyyyMMdd-HHmmss>[-quick]/}
 * @param home the platform's home (the repository root)
 * @param platform RUNNING (use the one on the default ports), START (start one), AUTO (use it when its gateway answers)
 * @param levels stored-history levels
 * @param applications theme applications per level (and the peer's count)
 * @param concurrency theme submitters
 * @param burst burst submissions
 * @param burstWindow the burst's window
 * @param connections gateway-vs-direct levels
 * @param round one gateway-vs-direct round
 * @param pairs gateway/direct round pairs per level
 * @param warmUp the warm-up of each side before the first level
 * @param verifyConnections closed-loop connections for the platform's verification
 * @param verifyRound one verification round
 * @param rawVerifications raw JCA verifications per thread
 * @param peerWarmUp applications through a throw-away peer engine before the measured peer runs
 * @param platformWarmUp applications through the platform before the first level, unmeasured (its JVMs' JIT and
 * the store's cache; the same courtesy as the peer's warm-up)
 * @param credential a licence credential to verify (else one is looked up in the demo users' wallets)
 * @param phases the phases to run ({@link #PHASES}; all by default)
 */
public record BenchOptions(boolean quick, Path out, Path home, PlatformMode platform, List<Long> levels,
		int applications, int concurrency, int burst, Duration burstWindow, List<Integer> connections, Duration round,
		int pairs, Duration warmUp, int verifyConnections, Duration verifyRound, int rawVerifications, int peerWarmUp,
		int platformWarmUp, String credential, List<String> phases) {

	/** The phases, in the order they run. */
	public static final List<String> PHASES = List.of("levels", "burst", "gateway", "verify", "peer");

	public boolean runs(String phase) {
		return phases.contains(phase);
	}

	public enum PlatformMode {

		AUTO, RUNNING, START

	}

	static final String USAGE = """
			usage: ./platform bench [--quick] [options]
			  --quick                 CI smoke: small counts, the whole run in under 3 minutes
			  --out DIR               report directory (default bench/results/<yyyyMMdd-HHmmss>[-quick]/)
			  --levels 1000,10000,…   stored-history levels (k and m suffixes allowed; default 1k,10k,100k)
			  --apps N                theme applications per level, and the Flowable peer's count
			  --concurrency C         theme submitters
			  --burst N               burst submissions   --burst-window SECONDS
			  --connections 16,64,256 gateway-vs-direct levels   --round SECONDS   --pairs N   --warm-up SECONDS
			  --use-running           use the platform running on the default ports (fail if none)
			  --start                 start the platform (stopped again at the end)
			                          (default: use a running platform when its gateway answers, else start one)
			  --credential JWS        a licence credential to verify (default: from the demo users' wallets)
			  --home DIR              the platform's home (default: -Dplatform.home or the current directory)
			  --only PHASES           some of levels,burst,gateway,verify,peer (default: all)
			  --peer-warm-up N        applications through a throw-away Flowable engine first, for the JIT
			                          (default 1000; 100 with --quick)
			  --platform-warm-up N    applications through the platform before the first level, not measured
			                          (default 1000; 0 with --quick)
			""";

	public static BenchOptions parse(String... args) {
		boolean quick = Arrays.asList(args).contains("--quick");
		Path out = null;
		Path home = Path.of(System.getProperty("platform.home", ".")).toAbsolutePath().normalize();
		PlatformMode platform = PlatformMode.AUTO;
		List<Long> levels = quick ? List.of(200L) : List.of(1_000L, 10_000L, 100_000L);
		int applications = quick ? 40 : 200;
		int concurrency = quick ? 4 : 8;
		int burst = quick ? 100 : 1000;
		Duration burstWindow = Duration.ofSeconds(quick ? 10 : 30);
		List<Integer> connections = quick ? List.of(16, 64) : List.of(16, 64, 256);
		Duration round = Duration.ofSeconds(quick ? 2 : 10);
		int pairs = quick ? 1 : 2;
		Duration warmUp = Duration.ofSeconds(quick ? 2 : 10);
		int verifyConnections = 4;
		Duration verifyRound = Duration.ofSeconds(quick ? 2 : 10);
		int rawVerifications = quick ? 1500 : 20000;
		int peerWarmUp = quick ? 100 : 1000;
		int platformWarmUp = quick ? 0 : 1000;
		String credential = null;
		List<String> phases = PHASES;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--quick" -> {
				}
				case "--out" -> out = Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
				case "--home" -> home = Path.of(value(args, ++i, arg)).toAbsolutePath().normalize();
				case "--use-running" -> platform = PlatformMode.RUNNING;
				case "--start" -> platform = PlatformMode.START;
				case "--levels" -> levels = longs(value(args, ++i, arg));
				case "--apps" -> applications = positive(value(args, ++i, arg), arg);
				case "--concurrency" -> concurrency = positive(value(args, ++i, arg), arg);
				case "--burst" -> burst = positive(value(args, ++i, arg), arg);
				case "--burst-window" -> burstWindow = Duration.ofSeconds(positive(value(args, ++i, arg), arg));
				case "--connections" -> connections = longs(value(args, ++i, arg)).stream().map(Long::intValue).toList();
				case "--round" -> round = Duration.ofSeconds(positive(value(args, ++i, arg), arg));
				case "--pairs" -> pairs = positive(value(args, ++i, arg), arg);
				case "--warm-up" -> warmUp = Duration.ofSeconds(Integer.parseInt(value(args, ++i, arg)));
				case "--credential" -> credential = value(args, ++i, arg);
				case "--only" -> phases = phases(value(args, ++i, arg));
				case "--peer-warm-up" -> peerWarmUp = Integer.parseInt(value(args, ++i, arg));
				case "--platform-warm-up" -> platformWarmUp = Integer.parseInt(value(args, ++i, arg));
				default -> throw new IllegalArgumentException("unknown option " + arg);
			}
		}
		if (levels.isEmpty() || connections.isEmpty()) {
			throw new IllegalArgumentException("--levels and --connections need at least one value");
		}
		return new BenchOptions(quick, out, home, platform, levels, applications, concurrency, burst, burstWindow,
				connections, round, pairs, warmUp, verifyConnections, verifyRound, rawVerifications, peerWarmUp,
				platformWarmUp, credential, phases);
	}

	private static List<String> phases(String list) {
		List<String> chosen = new ArrayList<>();
		for (String part : list.split(",")) {
			String phase = part.trim().toLowerCase(Locale.ROOT);
			if (!PHASES.contains(phase)) {
				throw new IllegalArgumentException("unknown phase " + phase + " (phases: " + String.join(",", PHASES) + ")");
			}
			chosen.add(phase);
		}
		return List.copyOf(chosen);
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}

	private static int positive(String value, String option) {
		int number = Integer.parseInt(value.trim());
		if (number < 1) {
			throw new IllegalArgumentException(option + " must be at least 1");
		}
		return number;
	}

	/** {@code 1000,10k,1m} → 1000, 10000, 1000000. */
	static List<Long> longs(String list) {
		List<Long> values = new ArrayList<>();
		for (String part : list.split(",")) {
			String p = part.trim().toLowerCase(Locale.ROOT);
			if (p.isEmpty()) {
				continue;
			}
			long factor = p.endsWith("k") ? 1_000 : p.endsWith("m") ? 1_000_000 : 1;
			values.add(Long.parseLong(factor == 1 ? p : p.substring(0, p.length() - 1)) * factor);
		}
		return List.copyOf(values);
	}

}
