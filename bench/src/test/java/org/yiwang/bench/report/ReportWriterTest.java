package org.yiwang.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yiwang.bench.proc.ProcessUsage;

class ReportWriterTest {

	@TempDir
	Path directory;

	@Test
	void jsonReadsBackIntoTheSameReport() throws Exception {
		Report report = sample();

		ReportWriter.write(report, directory);

		assertThat(ReportWriter.read(directory.resolve("report.json"))).isEqualTo(report);
	}

	@Test
	void markdownCarriesCommandMachineRatiosAndTablesAndLinksWellFormedPlots() throws Exception {
		List<Path> files = ReportWriter.write(sample(), directory);

		String md = Files.readString(directory.resolve("report.md"));
		assertThat(md).contains("`./platform bench --quick`", "## Machine", "Intel(R) Xeon(R)", "## Headline ratios",
				"25.00×", "## Flat cost", "## Latency percentiles", "## CPU-ms per application", "gateway",
				"platform total", "## Campaign burst", "## Gateway vs direct", "## Licence verification",
				"## Flowable 7.2 peer", "Nothing lost");
		assertThat(files).extracting(p -> p.getFileName().toString())
			.contains("report.json", "report.md", "throughput-vs-stored.svg", "latency.svg", "burst-lag.svg",
					"gateway-vs-direct.svg", "cpu-per-application.svg");
		for (Path file : files) {
			if (file.toString().endsWith(".svg")) {
				assertThat(md).contains("](" + file.getFileName() + ")");
				assertThat(SvgChartTest.parse(Files.readString(file)).getDocumentElement().getTagName()).isEqualTo("svg");
			}
		}
	}

	@Test
	void aReportWithFailedPhasesIsStillWritten() throws Exception {
		Report report = new Report("bench", "java", "2026-12-03T10:00:00Z", "2026-12-03T10:01:00Z", true, null, null,
				null, List.of(), null, null, null, List.of(), null, new Report.Integrity(0, 0, true),
				List.of(new Report.PhaseFailure("platform", "no healthy platform | on 8080")), List.of());

		ReportWriter.write(report, directory);

		assertThat(ReportWriter.read(directory.resolve("report.json"))).isEqualTo(report);
		assertThat(Files.readString(directory.resolve("report.md"))).contains("no healthy platform \\| on 8080");
	}

	static Report sample() {
		Percentiles latency = new Percentiles(40, 812.5, 790, 1010, 1100, 1400, 1502);
		List<ProcessUsage> cpu = List.of(new ProcessUsage("gateway", List.of(5620L), 4000.0, 100.0, 180_000_000L),
				new ProcessUsage("mongo", List.of(5335L), 12000.0, 300.0, 130_000_000L),
				new ProcessUsage("keycloak", List.of(5330L, 5457L), null, null, 470_000_000L),
				new ProcessUsage("bench", List.of(9999L), 2000.0, 50.0, 90_000_000L));
		Report.LevelRun level = new Report.LevelRun(200, 12, 200, 240, 5300,
				new Report.ThemeRun(40, 4, 40, 0, 0, 9800, 4.08, latency, new Percentiles(40, 80, 75, 90, 95, 120, 130), 400.0),
				cpu, Map.of("mongo", 10_000_000L, "kafka", 2_000_000L), Map.of("mongo", 14_000_000L, "kafka", 3_000_000L),
				70833.333, 21428.571);
		Report.LoadRound gateway = new Report.LoadRound("gateway", 16, 1, 3000, 900, 300.0,
				Map.of("200", 900L, "429", 0L, "503", 0L, "other", 0L, "errors", 0L), new Percentiles(900, 50, 45, 70, 80, 100, 150), 16);
		Report.LoadRound direct = new Report.LoadRound("direct", 16, 1, 3000, 2610, 870.0,
				Map.of("200", 2610L, "429", 0L, "503", 0L, "other", 0L, "errors", 0L), new Percentiles(2610, 18, 17, 25, 28, 40, 60), 16);
		Report.PeerRun peer1 = new Report.PeerRun(1, 40, 40, 0, 500, 80.0, new Percentiles(40, 12, 11, 15, 16, 20, 25), 640,
				16.0, 14.0, 400_000, 10000.0, 120, 0, 0, 2500, null);
		Report.PeerRun peer2 = new Report.PeerRun(2, 40, 40, 0, 300, 133.3, new Percentiles(40, 14, 13, 17, 18, 22, 27), 680,
				17.0, 15.0, 410_000, 10250.0, 120, 0, 0, 2400, null);
		return new Report("./platform bench --quick", "java -cp bench.jar org.yiwang.bench.Bench --quick",
				"2026-12-03T10:00:00Z", "2026-12-03T10:02:40Z", true,
				new Report.Machine(2, 25_275_777_024L, "Intel(R) Xeon(R) CPU @ 2.20GHz", "17.0.15", "OpenJDK 64-Bit Server VM 17",
						"Debian GNU/Linux 12, Linux 6.1 (amd64)", 100, 0.42),
				new Report.Settings(List.of(200L), 40, 4, 100, 10_000, List.of(16, 64), 3000, 1, 3000, 4, 3000, 40, 200, 0),
				new Report.PlatformInfo(false, "http://localhost:8080", "http://localhost:8180",
						Map.of("catalog-service", "http://127.0.0.1:8081"), 0, List.of("gateway", "mongo", "keycloak")),
				List.of(level),
				new Report.BurstRun(100, 10_000, 100, 3, 100, 0, 0, 9500, 20_000, latency,
						List.of(new Report.LagPoint(0, Map.of("license-service", 0L)),
								new Report.LagPoint(1000, Map.of("license-service", 42L))),
						cpu),
				new Report.GatewayRun("/api/v1/catalog/items/44030000SCJG-XK-0001", 3000, 1, 3000,
						List.of(new Report.GatewayLevel(16, gateway, direct, 0.345))),
				new Report.VerifyRun("licence YYZZ-SCJG-2026-000001-X of zhangsan", 1800, 1300,
						new Report.RawRate(1, 3000, 600, 5000.0, 0), new Report.RawRate(2, 6000, 700, 8571.4, 0), true,
						"200 {\"valid\":true}", gateway, gateway, 0.035, 0.035, null),
				List.of(peer1, peer2),
				new Report.Ratios(0.051, 0.031, 25.0, Map.of("16", 0.345), 0.035, 0.035),
				new Report.Integrity(0, 0, true), List.of(), List.of("a note"));
	}

}
