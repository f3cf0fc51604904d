package org.yiwang.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yiwang.bench.proc.ProcessUsage;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link Report} as {@code report.json}, {@code report.md} and the SVG plots the Markdown shows. */
public final class ReportWriter {

	static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private ReportWriter() {
	}

	/** @return the files written */
	public static List<Path> write(Report report, Path directory) throws IOException {
		Files.createDirectories(directory);
		List<Path> written = new ArrayList<>();
		Map<String, String> charts = charts(report);
		for (Map.Entry<String, String> chart : charts.entrySet()) {
			written.add(Files.writeString(directory.resolve(chart.getKey()), chart.getValue()));
		}
		written.add(Files.writeString(directory.resolve("report.json"), JSON.writeValueAsString(report)));
		written.add(Files.writeString(directory.resolve("report.md"), markdown(report, charts.keySet())));
		return written;
	}

	public static Report read(Path json) throws IOException {
		return JSON.readValue(Files.readString(json), Report.class);
	}

	// ---- plots ----------------------------------------------------------------------------------------------

	static Map<String, String> charts(Report r) {
		Map<String, String> charts = new LinkedHashMap<>();
		List<Report.LevelRun> measured = levels(r).stream().filter(l -> l.theme() != null).toList();
		if (!measured.isEmpty()) {
			List<SvgChart.Series> series = new ArrayList<>();
			series.add(new SvgChart.Series("platform", measured.stream()
				.map(l -> new double[] { Math.max(1, l.storedAfterSeed()), l.theme().throughputPerSecond() })
				.toList()));
			for (Report.PeerRun peer : peers(r)) {
				series.add(new SvgChart.Series("Flowable " + peer.threads() + " thread" + (peer.threads() == 1 ? "" : "s"),
						measured.stream()
							.map(l -> new double[] { Math.max(1, l.storedAfterSeed()), peer.throughputPerSecond() })
							.toList()));
			}
			charts.put("throughput-vs-stored.svg", SvgChart.line("Throughput vs stored applications",
					"stored applications", "applications / s", series, measured.size() > 1));
		}
		List<String> percentileNames = List.of("p50", "p90", "p95", "p99", "max");
		List<SvgChart.Bars> latency = new ArrayList<>();
		for (Report.LevelRun level : measured) {
			latency.add(new SvgChart.Bars("platform @" + SvgChart.number(level.storedAfterSeed()),
					values(level.theme().submitToLastLicence())));
		}
		for (Report.PeerRun peer : peers(r)) {
			latency.add(new SvgChart.Bars("Flowable " + peer.threads() + "t", values(peer.latency())));
		}
		if (!latency.isEmpty()) {
			charts.put("latency.svg", SvgChart.bars("Submission to last licence (ms, logarithmic)", "milliseconds",
					percentileNames, latency, true));
		}
		if (r.burst() != null && r.burst().lag() != null && !r.burst().lag().isEmpty()) {
			Set<String> groups = new TreeSet<>();
			r.burst().lag().forEach(p -> groups.addAll(p.lagByGroup().keySet()));
			List<SvgChart.Series> series = new ArrayList<>();
			for (String group : groups) {
				series.add(new SvgChart.Series(group, r.burst()
					.lag()
					.stream()
					.map(p -> new double[] { p.atMillis() / 1000.0, p.lagByGroup().getOrDefault(group, 0L) })
					.toList()));
			}
			charts.put("burst-lag.svg", SvgChart.line("Consumer lag during the burst", "seconds since the burst began",
					"records behind", series, false));
		}
		if (r.gatewayVsDirect() != null && !r.gatewayVsDirect().levels().isEmpty()) {
			List<String> categories = r.gatewayVsDirect()
				.levels()
				.stream()
				.map(l -> l.connections() + " connections")
				.toList();
			charts.put("gateway-vs-direct.svg", SvgChart.bars("Gateway vs direct: " + r.gatewayVsDirect().path(),
					"answers 200 / s", categories,
					List.of(new SvgChart.Bars("gateway",
							r.gatewayVsDirect().levels().stream().map(l -> l.gateway().throughputPerSecond()).toList()),
							new SvgChart.Bars("direct", r.gatewayVsDirect()
								.levels()
								.stream()
								.map(l -> l.direct().throughputPerSecond())
								.toList())),
					false));
		}
		if (!measured.isEmpty()) {
			List<String> processes = processNames(measured);
			List<SvgChart.Bars> cpu = new ArrayList<>();
			for (Report.LevelRun level : measured) {
				Map<String, Double> byName = perApplication(level.cpu());
				cpu.add(new SvgChart.Bars("@" + SvgChart.number(level.storedAfterSeed()),
						processes.stream().map(byName::get).toList()));
			}
			charts.put("cpu-per-application.svg",
					SvgChart.bars("CPU-ms per application, by process", "CPU ms / application", processes, cpu, false));
		}
		return charts;
	}

	private static List<Double> values(Percentiles p) {
		return p == null ? List.of() : List.of(p.p50Millis(), p.p90Millis(), p.p95Millis(), p.p99Millis(), p.maxMillis());
	}

	// ---- markdown -------------------------------------------------------------------------------------------

	static String markdown(Report r, Set<String> charts) {
		StringBuilder md = new StringBuilder();
		md.append("# Yiwang bench").append(r.quick() ? " (quick smoke)" : "").append(" — ").append(r.startedAt()).append("\n\n");
		md.append("Command: `").append(r.command()).append("`  \n");
		md.append("Started ").append(r.startedAt()).append(", finished ").append(r.finishedAt()).append(".  \n");
		if (r.platform() != null) {
			md.append("Platform: ")
				.append(r.platform().startedByBench() ? "started by the bench (" + r.platform().startMillis() / 1000 + " s)"
						: "already running, used as it was")
				.append(", gateway ").append(r.platform().gatewayUrl()).append(".  \n");
		}
		md.append('\n');
		machine(md, r.machine());
		ratios(md, r);
		flatCost(md, r, charts);
		latency(md, r, charts);
		cpu(md, r, charts);
		disk(md, r);
		burst(md, r, charts);
		gateway(md, r, charts);
		verify(md, r);
		peer(md, r);
		md.append("## Integrity\n\n");
		if (r.integrity() != null) {
			md.append(r.integrity().ok() ? "Nothing lost, nothing applied twice" : "**Applications lost or applied twice**")
				.append(": lost ").append(r.integrity().lost()).append(", duplicates ").append(r.integrity().duplicates()).append(".\n\n");
		}
		md.append("## Failures\n\n");
		if (r.failures() == null || r.failures().isEmpty()) {
			md.append("None: every phase ran.\n\n");
		}
		else {
			table(md, List.of("phase", "error"),
					r.failures().stream().map(f -> List.of(f.phase(), f.error().replace("|", "\\|").replace("\n", " "))).toList());
		}
		if (r.notes() != null && !r.notes().isEmpty()) {
			md.append("## Notes\n\n");
			r.notes().forEach(n -> md.append("- ").append(n).append('\n'));
			md.append('\n');
		}
		return md.toString();
	}

	private static void machine(StringBuilder md, Report.Machine m) {
		md.append("## Machine\n\n");
		if (m == null) {
			return;
		}
		table(md, List.of("fact", "value"),
				List.of(List.of("processors (nproc)", String.valueOf(m.processors())),
						List.of("memory", mib(m.memoryBytes()) + " MiB"), List.of("CPU", m.cpuModel()),
						List.of("Java", m.javaVersion() + " (" + m.javaVm() + ")"), List.of("OS", m.os()),
						List.of("clock ticks / s", String.valueOf(m.clockTicksPerSecond())),
						List.of("load average at start", String.format(Locale.ROOT, "%.2f", m.loadAverageAtStart()))));
	}

	private static void ratios(StringBuilder md, Report r) {
		md.append("## Headline ratios\n\n");
		Report.Ratios x = r.ratios();
		if (x == null) {
			md.append("Not computed.\n\n");
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("platform / Flowable throughput (1 driver thread)", ratio(x.platformOverFlowableOneThread())));
		rows.add(List.of("platform / Flowable throughput (2 driver threads)", ratio(x.platformOverFlowableTwoThreads())));
		rows.add(List.of("platform / Flowable CPU-ms per application", ratio(x.platformCpuOverFlowableCpu())));
		if (x.gatewayOverDirect() != null) {
			x.gatewayOverDirect().forEach((c, v) -> rows.add(List.of("gateway / direct throughput, " + c + " connections", ratio(v))));
		}
		rows.add(List.of("platform verify (direct) / raw JCA ES256 (2 threads)", ratio(x.verifyDirectOverRaw())));
		rows.add(List.of("platform verify (gateway) / raw JCA ES256 (2 threads)", ratio(x.verifyGatewayOverRaw())));
		table(md, List.of("ratio", "value"), rows);
	}

	private static void flatCost(StringBuilder md, Report r, Set<String> charts) {
		md.append("## Flat cost: throughput at each stored-history level\n\n");
		if (r.settings() != null && r.settings().platformWarmUp() > 0) {
			md.append("Before the first level ")
				.append(r.settings().platformWarmUp())
				.append(" applications went through the platform unmeasured (JIT and caches; the Flowable peer gets ")
				.append(r.settings().peerWarmUp())
				.append(" on a throw-away engine); they count as stored history.\n\n");
		}
		List<List<String>> rows = new ArrayList<>();
		for (Report.LevelRun l : levels(r)) {
			Report.ThemeRun t = l.theme();
			rows.add(List.of(String.valueOf(l.targetStored()), String.valueOf(l.storedAfterSeed()),
					t == null ? "–" : t.applications() + " × " + t.concurrency(), t == null ? "–" : String.valueOf(t.completed()),
					t == null ? "–" : t.lost() + " / " + t.duplicates(), t == null ? "–" : num(t.throughputPerSecond()),
					t == null ? "–" : num(t.submitToLastLicence().p50Millis()), t == null ? "–" : num(t.submitToLastLicence().p99Millis()),
					t == null ? "–" : num(t.platformCpuMillisPerApplication()), num(l.diskBytesPerAddedApplication())));
		}
		table(md, List.of("level", "stored", "apps × concurrency", "completed", "lost / dup", "apps/s", "p50 ms",
				"p99 ms", "platform CPU-ms/app", "disk bytes/added app"), rows);
		image(md, charts, "throughput-vs-stored.svg");
	}

	private static void latency(StringBuilder md, Report r, Set<String> charts) {
		md.append("## Latency percentiles (ms)\n\n");
		List<List<String>> rows = new ArrayList<>();
		for (Report.LevelRun l : levels(r)) {
			if (l.theme() != null) {
				rows.add(percentileRow("platform @" + l.storedAfterSeed() + ": submission → last licence", l.theme().submitToLastLicence()));
				rows.add(percentileRow("platform @" + l.storedAfterSeed() + ": submission request", l.theme().submit()));
			}
		}
		if (r.burst() != null) {
			rows.add(percentileRow("burst: submission → last licence", r.burst().submitToLastLicence()));
		}
		for (Report.PeerRun p : peers(r)) {
			rows.add(percentileRow("Flowable " + p.threads() + " thread(s): start → last licence", p.latency()));
		}
		if (r.gatewayVsDirect() != null) {
			for (Report.GatewayLevel g : r.gatewayVsDirect().levels()) {
				rows.add(percentileRow("catalog GET via gateway, " + g.connections() + " conns", g.gateway().latency()));
				rows.add(percentileRow("catalog GET direct, " + g.connections() + " conns", g.direct().latency()));
			}
		}
		table(md, List.of("what", "count", "p50", "p90", "p95", "p99", "max"), rows);
		image(md, charts, "latency.svg");
	}

	private static List<String> percentileRow(String name, Percentiles p) {
		if (p == null) {
			return List.of(name, "–", "–", "–", "–", "–", "–");
		}
		return List.of(name, String.valueOf(p.count()), num(p.p50Millis()), num(p.p90Millis()), num(p.p95Millis()),
				num(p.p99Millis()), num(p.maxMillis()));
	}

	private static void cpu(StringBuilder md, Report r, Set<String> charts) {
		md.append("## CPU-ms per application, by process\n\n");
		List<Report.LevelRun> measured = levels(r).stream().filter(l -> l.theme() != null).toList();
		List<String> processes = processNames(measured);
		List<String> header = new ArrayList<>(List.of("process"));
		measured.forEach(l -> header.add("@" + l.storedAfterSeed()));
		header.add("RSS MiB (end)");
		List<List<String>> rows = new ArrayList<>();
		for (String process : processes) {
			List<String> row = new ArrayList<>(List.of(process));
			long rss = 0;
			for (Report.LevelRun l : measured) {
				row.add(num(perApplication(l.cpu()).get(process)));
				long total = 0;
				for (ProcessUsage u : l.cpu()) {
					if (u.name().equals(process)) {
						rss = u.rssBytes();
					}
					if (!"bench".equals(u.name())) {
						total += u.rssBytes();
					}
				}
				if ("platform total".equals(process)) {
					rss = total;
				}
			}
			row.add(mib(rss));
			rows.add(row);
		}
		if (!rows.isEmpty()) {
			table(md, header, rows);
			md.append("`bench` is the load generator itself (it shares the machine); the platform total excludes it.\n\n");
		}
		for (Report.PeerRun p : peers(r)) {
			md.append("Flowable peer, ").append(p.threads()).append(" driver thread(s): ")
				.append(num(p.processCpuMillisPerApplication())).append(" CPU-ms per application (its whole JVM), ")
				.append(num(p.driverCpuMillisPerApplication())).append(" in the driver threads.  \n");
		}
		md.append('\n');
		image(md, charts, "cpu-per-application.svg");
	}

	private static void disk(StringBuilder md, Report r) {
		md.append("## Disk\n\n");
		List<List<String>> rows = new ArrayList<>();
		for (Report.LevelRun l : levels(r)) {
			rows.add(List.of(String.valueOf(l.targetStored()), String.valueOf(l.storedAfterTheme()),
					mib(l.diskAfter() == null ? 0 : l.diskAfter().getOrDefault("mongo", 0L)),
					mib(l.diskAfter() == null ? 0 : l.diskAfter().getOrDefault("kafka", 0L)),
					num(l.diskBytesPerStoredApplication()), num(l.diskBytesPerAddedApplication())));
		}
		for (Report.PeerRun p : peers(r)) {
			rows.add(List.of("Flowable " + p.threads() + "t", String.valueOf(p.completed()), mib(p.databaseBytes()) + " (H2)", "–",
					"–", num(p.databaseBytesPerApplication())));
		}
		table(md, List.of("level", "stored after", "mongo MiB", "kafka MiB", "bytes / stored app", "bytes / added app"), rows);
	}

	private static void burst(StringBuilder md, Report r, Set<String> charts) {
		md.append("## Campaign burst\n\n");
		Report.BurstRun b = r.burst();
		if (b == null) {
			md.append("Not run (see failures).\n\n");
			return;
		}
		table(md, List.of("submissions", "window", "accepted", "refused (429/503, retried)", "completed", "lost", "duplicates",
				"submit window", "drain"),
				List.of(List.of(String.valueOf(b.submissions()), b.windowMillis() / 1000 + " s", String.valueOf(b.submitted()),
						String.valueOf(b.refused()), String.valueOf(b.completed()), String.valueOf(b.lost()),
						String.valueOf(b.duplicates()), b.submitWindowMillis() + " ms", b.drainMillis() + " ms")));
		Double cpu = perApplication(b.cpu()).get("platform total");
		if (cpu != null) {
			md.append("Platform CPU during the burst: ").append(num(cpu)).append(" CPU-ms per completed application.\n\n");
		}
		image(md, charts, "burst-lag.svg");
	}

	private static void gateway(StringBuilder md, Report r, Set<String> charts) {
		md.append("## Gateway vs direct\n\n");
		Report.GatewayRun g = r.gatewayVsDirect();
		if (g == null) {
			md.append("Not run (see failures).\n\n");
			return;
		}
		md.append("`GET ").append(g.path()).append("` with the same bearer token; ").append(g.pairs())
			.append(" alternating round pair(s) of ").append(g.roundMillis()).append(" ms per level after ")
			.append(g.warmUpMillis()).append(" ms warm-up of each side.\n\n");
		List<List<String>> rows = new ArrayList<>();
		for (Report.GatewayLevel l : g.levels()) {
			rows.add(List.of(String.valueOf(l.connections()), num(l.gateway().throughputPerSecond()),
					num(l.direct().throughputPerSecond()), ratio(l.ratio()), statuses(l.gateway()), statuses(l.direct()),
					num(l.gateway().latency().p99Millis()) + " / " + num(l.direct().latency().p99Millis()),
					l.gateway().connectionsOpened() + " / " + l.direct().connectionsOpened()));
		}
		table(md, List.of("connections", "gateway 200/s", "direct 200/s", "ratio", "gateway 200/429/503/other/err",
				"direct 200/429/503/other/err", "p99 ms g / d", "TCP opened g / d"), rows);
		image(md, charts, "gateway-vs-direct.svg");
	}

	private static String statuses(Report.LoadRound round) {
		Map<String, Long> s = round.statuses();
		return s.getOrDefault("200", 0L) + "/" + s.getOrDefault("429", 0L) + "/" + s.getOrDefault("503", 0L) + "/"
				+ s.getOrDefault("other", 0L) + "/" + s.getOrDefault("errors", 0L);
	}

	private static void verify(StringBuilder md, Report r) {
		md.append("## Licence verification vs raw JCA ES256\n\n");
		Report.VerifyRun v = r.verify();
		if (v == null) {
			md.append("Not run (see failures).\n\n");
			return;
		}
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("raw JCA ES256, 1 thread", num(v.rawOneThread().perSecond()), "payload " + v.payloadBytes() + " bytes"));
		rows.add(List.of("raw JCA ES256, 2 threads", num(v.rawTwoThreads().perSecond()), "payload " + v.payloadBytes() + " bytes"));
		if (v.direct() != null) {
			rows.add(List.of("platform POST /api/v1/licenses/verify, direct, " + v.direct().connections() + " conns",
					num(v.direct().throughputPerSecond()), "valid=" + v.platformValid() + ", " + statuses(v.direct())));
			rows.add(List.of("platform POST /api/v1/licenses/verify, via gateway, " + v.gateway().connections() + " conns",
					num(v.gateway().throughputPerSecond()), statuses(v.gateway())));
		}
		table(md, List.of("verifier", "verifications / s", "notes"), rows);
		md.append("Licence: ").append(v.credentialSource()).append(v.skipped() == null ? "" : " — platform side skipped: " + v.skipped())
			.append("\n\n");
	}

	private static void peer(StringBuilder md, Report r) {
		md.append("## Flowable 7.2 peer (embedded, H2 file, history audit, async executor off)\n\n");
		List<List<String>> rows = new ArrayList<>();
		for (Report.PeerRun p : peers(r)) {
			rows.add(List.of(String.valueOf(p.threads()), p.completed() + " / " + p.applications(), num(p.throughputPerSecond()),
					num(p.latency().p50Millis()), num(p.latency().p99Millis()), num(p.processCpuMillisPerApplication()),
					num(p.driverCpuMillisPerApplication()), num(p.databaseBytesPerApplication()), String.valueOf(p.licences()),
					p.incomplete() + " / " + p.orderingViolations() + " / " + p.failed()));
		}
		table(md, List.of("threads", "completed", "apps/s", "p50 ms", "p99 ms", "CPU-ms/app (JVM)", "CPU-ms/app (drivers)",
				"DB bytes/app", "licences", "incomplete / order violations / failed"), rows);
	}

	// ---- helpers --------------------------------------------------------------------------------------------

	private static List<Report.LevelRun> levels(Report r) {
		return r.levels() == null ? List.of() : r.levels();
	}

	private static List<Report.PeerRun> peers(Report r) {
		return r.peer() == null ? List.of() : r.peer();
	}

	static List<String> processNames(List<Report.LevelRun> levels) {
		Set<String> names = new LinkedHashSet<>();
		for (Report.LevelRun l : levels) {
			if (l.cpu() != null) {
				l.cpu().forEach(u -> names.add(u.name()));
			}
		}
		if (!names.isEmpty()) {
			names.add("platform total");
		}
		return List.copyOf(names);
	}

	/** CPU-ms per application by process, plus {@code platform total} (every process but the bench's own). */
	static Map<String, Double> perApplication(List<ProcessUsage> usage) {
		Map<String, Double> byName = new LinkedHashMap<>();
		double total = 0;
		boolean known = false;
		if (usage != null) {
			for (ProcessUsage u : usage) {
				byName.put(u.name(), u.cpuMillisPerApplication());
				if (u.cpuMillisPerApplication() != null && !"bench".equals(u.name())) {
					total += u.cpuMillisPerApplication();
					known = true;
				}
			}
		}
		byName.put("platform total", known ? total : null);
		return byName;
	}

	private static void image(StringBuilder md, Set<String> charts, String name) {
		if (charts.contains(name)) {
			md.append("![").append(name).append("](").append(name).append(")\n\n");
		}
	}

	private static void table(StringBuilder md, List<String> header, List<List<String>> rows) {
		md.append("| ").append(String.join(" | ", header)).append(" |\n");
		md.append("|").append("---|".repeat(header.size())).append('\n');
		for (List<String> row : rows) {
			md.append("| ").append(String.join(" | ", row.stream().map(c -> c == null ? "–" : c).toList())).append(" |\n");
		}
		md.append('\n');
	}

	static String num(Double value) {
		if (value == null || !Double.isFinite(value)) {
			return "–";
		}
		return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
				: String.format(Locale.ROOT, "%.2f", value);
	}

	private static String ratio(Double value) {
		return value == null || !Double.isFinite(value) ? "–" : String.format(Locale.ROOT, "%.2f×", value);
	}

	private static String mib(long bytes) {
		return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
	}

}
