package org.yiwang.bench.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU and memory of the platform's processes, read from {@code /proc}. Each process is found by the pid file the
 * launcher wrote ({@code .run/pids/<name>.pid}) or, without one, by its command line — only command lines naming
 * this platform's home, so that another platform on the same machine is not counted. Keycloak's pid is
 * {@code kc.sh}: its child JVM counts with it. The launcher counts alone (its children are the other processes),
 * and not at all when the bench itself is the launcher. A snapshot holds utime + stime and RSS; two snapshots give the
 * CPU each process spent in between.
 */
public final class ProcessCpu {

	/** The platform's processes and how to recognise each one's command line. */
	static final List<Watched> PLATFORM = platform();

	public static final String SELF = "bench";

	private final String home;

	private final Path pidDirectory;

	private final long ticksPerSecond;

	private final long selfPid = ProcessHandle.current().pid();

	/**
	 * @param home the platform's home (the repository root its processes were started from)
	 * @param runDir the platform's run directory ({@code .run}), holding {@code pids/}
	 */
	public ProcessCpu(Path home, Path runDir) {
		this.home = home.toAbsolutePath().normalize().toString();
		this.pidDirectory = runDir.resolve("pids");
		this.ticksPerSecond = clockTicksPerSecond();
	}

	public long ticksPerSecond() {
		return ticksPerSecond;
	}

	public Snapshot snapshot() {
		Map<String, Sample> samples = new LinkedHashMap<>();
		List<ProcessHandle> all = null;
		for (Watched watched : PLATFORM) {
			List<ProcessHandle> roots = fromPidFile(watched).map(List::of).orElse(null);
			if (roots == null) {
				if (all == null) {
					all = ProcessHandle.allProcesses().toList();
				}
				roots = all.stream().filter(p -> {
					List<String> commandLine = commandLine(p.pid());
					return watched.matches().test(commandLine) && commandLine.stream().anyMatch(a -> a.contains(home));
				}).toList();
			}
			roots = roots.stream().filter(p -> p.pid() != selfPid).toList();
			if (!roots.isEmpty()) {
				samples.put(watched.name(), sample(watched.name(), roots, watched.withDescendants()));
			}
		}
		// the bench alone: when it started the platform, the platform's processes are its descendants
		samples.put(SELF, sample(SELF, List.of(ProcessHandle.current()), false));
		return new Snapshot(System.nanoTime(), samples);
	}

	/**
	 * The CPU each process spent between two snapshots.
	 * @param applications completed in between (for the per-application figure); 0 when not applicable
	 */
	public List<ProcessUsage> between(Snapshot before, Snapshot after, long applications) {
		List<ProcessUsage> usage = new ArrayList<>();
		for (Sample end : after.processes().values()) {
			Sample start = before.processes().get(end.name());
			Double millis = null;
			if (start != null && start.rootPids().equals(end.rootPids())) {
				long ticks = 0;
				for (Map.Entry<Long, Long> pid : end.ticksByPid().entrySet()) {
					ticks += pid.getValue() - start.ticksByPid().getOrDefault(pid.getKey(), 0L);
				}
				millis = ticks * 1000.0 / ticksPerSecond;
			}
			Double perApplication = millis == null || applications <= 0 ? null
					: Math.round(millis / applications * 1000) / 1000.0;
			usage.add(new ProcessUsage(end.name(), List.copyOf(end.ticksByPid().keySet()), millis, perApplication,
					end.rssBytes()));
		}
		return usage;
	}

	private Optional<ProcessHandle> fromPidFile(Watched watched) {
		Path file = pidDirectory.resolve(watched.name() + ".pid");
		try {
			if (!Files.exists(file)) {
				return Optional.empty();
			}
			long pid = Long.parseLong(Files.readString(file).trim());
			if (pid == selfPid) {
				// the bench started the platform: it is the launcher, counted as itself
				return Optional.of(ProcessHandle.current());
			}
			return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> watched.matches().test(commandLine(pid)));
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static Sample sample(String name, List<ProcessHandle> roots, boolean withDescendants) {
		Map<Long, Long> ticks = new LinkedHashMap<>();
		long rss = 0;
		for (ProcessHandle root : roots) {
			Stream<ProcessHandle> family = withDescendants ? Stream.concat(Stream.of(root), root.descendants())
					: Stream.of(root);
			for (ProcessHandle process : family.toList()) {
				if (ticks.containsKey(process.pid())) {
					// found as a root and as a child of another root (kc.sh and its JVM)
					continue;
				}
				try {
					ticks.put(process.pid(),
							ProcStat.parse(Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat")))
								.cpuTicks());
					rss += ProcStat.rssBytes(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
				}
				catch (IOException | RuntimeException ex) {
					// gone in between
				}
			}
		}
		return new Sample(name, new TreeSet<>(roots.stream().map(ProcessHandle::pid).toList()), ticks, rss);
	}

	static List<String> commandLine(long pid) {
		try {
			byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
			return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
	}

	/** {@code getconf CLK_TCK}, 100 when it cannot be asked. */
	public static long clockTicksPerSecond() {
		try {
			Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
			if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
				return Long.parseLong(out);
			}
		}
		catch (IOException | NumberFormatException ex) {
			// fall through
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return 100;
	}

	private static List<Watched> platform() {
		List<Watched> processes = new ArrayList<>();
		for (String jar : List.of("gateway", "catalog-service", "application-service", "license-service",
				"identity-service", "exchange-service")) {
			processes.add(new Watched(jar,
					args -> args.stream().anyMatch(a -> a.endsWith("/" + jar + ".jar") || a.equals(jar + ".jar")), true));
		}
		processes.add(new Watched("mongo", args -> args.contains("org.yiwang.local.MongoWireServer"), true));
		processes.add(new Watched("kafka", args -> args.contains("kafka.Kafka"), true));
		processes.add(new Watched("keycloak", args -> args.stream()
			.anyMatch(a -> a.endsWith("/kc.sh") || a.contains("io.quarkus") || a.endsWith("quarkus-run.jar")), true));
		processes.add(new Watched("launcher", args -> args.contains("org.yiwang.local.Platform"), false));
		return List.copyOf(processes);
	}

	/**
	 * @param name as in the launcher's pid files
	 * @param matches whether a command line is this process's
	 * @param withDescendants whether its child processes count with it
	 */
	record Watched(String name, Predicate<List<String>> matches, boolean withDescendants) {
	}

	/**
	 * @param rootPids the processes found (their descendants are in {@code ticksByPid} too)
	 * @param ticksByPid utime + stime of each process
	 * @param rssBytes resident memory of all of them
	 */
	record Sample(String name, TreeSet<Long> rootPids, Map<Long, Long> ticksByPid, long rssBytes) {
	}

	/** All platform processes at one moment. */
	public record Snapshot(long nanoTime, Map<String, Sample> processes) {

		/** Names of the processes found. */
		public List<String> names() {
			return List.copyOf(processes.keySet());
		}

	}

}
