package org.yiwang.bench.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProcStatTest {

	@Test
	void readsUserAndSystemTicksOfAStatLine() {
		String line = "5620 (java) S 5285 5285 5285 0 -1 4202752 87915 0 12 0 12873 2214 0 0 20 0 52 0 5170 "
				+ "2734546944 43931 18446744073709551615 1 1 0 0 0 0 0 2 16800975 0 0 0 17 1 0 0 0 0 0";

		ProcStat stat = ProcStat.parse(line);

		assertThat(stat.pid()).isEqualTo(5620);
		assertThat(stat.utimeTicks()).isEqualTo(12873);
		assertThat(stat.stimeTicks()).isEqualTo(2214);
		assertThat(stat.cpuTicks()).isEqualTo(15087);
	}

	@Test
	void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
		String line = "42 (my (odd) name) R 1 42 42 0 -1 0 0 0 0 0 700 30 0 0 20 0 1 0 100 0 0";

		ProcStat stat = ProcStat.parse(line);

		assertThat(stat.utimeTicks()).isEqualTo(700);
		assertThat(stat.stimeTicks()).isEqualTo(30);
	}

	@Test
	void refusesWhatIsNotAStatLine() {
		assertThatThrownBy(() -> ProcStat.parse("garbage")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void readsResidentMemoryFromStatus() {
		String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmRSS:\t  175724 kB\nRssAnon:\t 150000 kB\n";

		assertThat(ProcStat.rssBytes(status)).isEqualTo(175724L * 1024);
		assertThat(ProcStat.rssBytes("Name:\tkthreadd\n")).isZero();
	}

	@Test
	void recognisesThePlatformProcessesByCommandLine() {
		assertThat(watched("gateway")
			.matches().test(List.of("/usr/bin/java", "-Xmx200m", "-jar", "/work/main/gateway/target/gateway.jar"))).isTrue();
		assertThat(watched("catalog-service")
			.matches().test(List.of("/usr/bin/java", "-jar", "/work/main/gateway/target/gateway.jar"))).isFalse();
		assertThat(watched("mongo")
			.matches().test(List.of("java", "-cp", "x", "org.yiwang.local.MongoWireServer", "127.0.0.1", "27017"))).isTrue();
		assertThat(watched("kafka").matches().test(List.of("java", "-cp", "x", "kafka.Kafka", "server.properties")))
			.isTrue();
		assertThat(watched("keycloak")
			.matches().test(List.of("/bin/sh", "/work/main/.run/keycloak/keycloak-26.5.6/bin/kc.sh", "start"))).isTrue();
	}

	@Test
	void onlyKeycloakAndTheServicesBringTheirChildrenTheLauncherDoesNot() {
		assertThat(watched("keycloak").withDescendants()).isTrue();
		assertThat(watched("launcher").withDescendants()).isFalse();
	}

	@Test
	void aSnapshotOfThisJvmCountsItsOwnCpu() {
		ProcessCpu cpu = new ProcessCpu(java.nio.file.Path.of("/nonexistent-home"), java.nio.file.Path.of("/nonexistent-run-dir"));
		ProcessCpu.Snapshot before = cpu.snapshot();
		ProcessCpu.Snapshot after = cpu.snapshot();

		List<ProcessUsage> usage = cpu.between(before, after, 10);

		assertThat(usage).anySatisfy(u -> {
			assertThat(u.name()).isEqualTo(ProcessCpu.SELF);
			assertThat(u.cpuMillis()).isNotNull().isNotNegative();
			assertThat(u.rssBytes()).isPositive();
		});
	}

	private static ProcessCpu.Watched watched(String name) {
		return ProcessCpu.PLATFORM.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
	}

}
