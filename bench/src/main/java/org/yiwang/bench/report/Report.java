package org.yiwang.bench.report;

import java.util.List;
import java.util.Map;

import org.yiwang.bench.proc.ProcessUsage;

/**
 * Everything one bench run found, as written to {@code report.json} (and rendered to {@code report.md}). Plain
 * records of numbers and strings, so that the JSON reads back into the same values; a phase that failed leaves its
 * section null and says why in {@code failures}.
 *
 * @param command the command line that produced the report (as the user typed it when the wrapper passed it on)
 * @param jvmCommandLine the bench JVM's own command line
 * @param startedAt ISO-8601
 * @param finishedAt ISO-8601
 * @param quick whether this was the {@code --quick} smoke
 * @param machine what it ran on
 * @param settings the counts and durations used
 * @param platform the platform under test
 * @param levels one entry per stored-history level: seeding, then a sustained theme run
 * @param burst the campaign burst
 * @param gatewayVsDirect the gateway's cost on one endpoint
 * @param verify licence verification against raw JCA
 * @param peer the Flowable peer, 1 and 2 driver threads
 * @param ratios the headline ratios
 * @param integrity lost and duplicated applications on the platform (the exit code)
 * @param failures phases that failed, with the reason
 * @param notes how to read the numbers
 */
public record Report(String command, String jvmCommandLine, String startedAt, String finishedAt, boolean quick,
		Machine machine, Settings settings, PlatformInfo platform, List<LevelRun> levels, BurstRun burst,
		GatewayRun gatewayVsDirect, VerifyRun verify, List<PeerRun> peer, Ratios ratios, Integrity integrity,
		List<PhaseFailure> failures, List<String> notes) {

	/**
	 * @param processors available processors (nproc)
	 * @param memoryBytes MemTotal
	 * @param cpuModel from /proc/cpuinfo
	 * @param javaVersion java.version
	 * @param javaVm java.vm.name and version
	 * @param os operating system (distribution when known) and kernel
	 * @param clockTicksPerSecond CLK_TCK, the unit of /proc CPU times
	 * @param loadAverageAtStart 1-minute load average when the bench began (others' work on a shared machine)
	 */
	public record Machine(int processors, long memoryBytes, String cpuModel, String javaVersion, String javaVm,
			String os, long clockTicksPerSecond, double loadAverageAtStart) {
	}

	public record Settings(List<Long> levels, int applications, int concurrency, int burstSubmissions,
			long burstWindowMillis, List<Integer> connections, long roundMillis, int pairs, long warmUpMillis,
			int verifyConnections, int rawVerificationsPerThread, int peerApplications, int peerWarmUp,
			int platformWarmUp) {
	}

	/**
	 * @param startedByBench whether the bench started (and stopped) the platform itself
	 * @param startMillis how long that start took (0 when a running platform was used)
	 * @param processes the platform processes found for CPU and memory accounting
	 */
	public record PlatformInfo(boolean startedByBench, String gatewayUrl, String keycloakUrl,
			Map<String, String> serviceUrls, long startMillis, List<String> processes) {
	}

	/**
	 * @param targetStored the stored-history level asked for
	 * @param storedBefore stored applications before seeding
	 * @param storedAfterSeed after seeding
	 * @param storedAfterTheme after the theme run
	 * @param theme the sustained run at this level; null when it failed
	 * @param cpu per process over the theme run
	 * @param diskBefore store bytes before seeding
	 * @param diskAfter store bytes after the theme run
	 * @param diskBytesPerStoredApplication all store bytes over all stored applications, after the run
	 * @param diskBytesPerAddedApplication growth over applications added (seeded + theme) at this level
	 */
	public record LevelRun(long targetStored, long storedBefore, long storedAfterSeed, long storedAfterTheme,
			long seedMillis, ThemeRun theme, List<ProcessUsage> cpu, Map<String, Long> diskBefore,
			Map<String, Long> diskAfter, Double diskBytesPerStoredApplication, Double diskBytesPerAddedApplication) {
	}

	public record ThemeRun(int applications, int concurrency, int completed, int lost, int duplicates,
			long elapsedMillis, double throughputPerSecond, Percentiles submitToLastLicence, Percentiles submit,
			Double platformCpuMillisPerApplication) {
	}

	public record BurstRun(int submissions, long windowMillis, int submitted, int refused, int completed, int lost,
			int duplicates, long submitWindowMillis, long drainMillis, Percentiles submitToLastLicence,
			List<LagPoint> lag, List<ProcessUsage> cpu) {
	}

	public record LagPoint(long atMillis, Map<String, Long> lagByGroup) {
	}

	public record GatewayRun(String path, long roundMillis, int pairs, long warmUpMillis, List<GatewayLevel> levels) {
	}

	/** @param ratio gateway throughput over direct throughput */
	public record GatewayLevel(int connections, LoadRound gateway, LoadRound direct, double ratio) {
	}

	/**
	 * @param statuses 200, 429, 503, other, errors
	 * @param throughputPerSecond answers with 200 per second
	 * @param latency every answer's latency
	 */
	public record LoadRound(String label, int connections, int rounds, long elapsedMillis, long answers,
			double throughputPerSecond, Map<String, Long> statuses, Percentiles latency, long connectionsOpened) {
	}

	public record RawRate(int threads, long verifications, long elapsedMillis, double perSecond, int invalid) {
	}

	public record VerifyRun(String credentialSource, int credentialChars, int payloadBytes, RawRate rawOneThread,
			RawRate rawTwoThreads, boolean platformValid, String platformAnswer, LoadRound direct, LoadRound gateway,
			Double directOverRaw, Double gatewayOverRaw, String skipped) {
	}

	public record PeerRun(int threads, int applications, int completed, int failed, long elapsedMillis,
			double throughputPerSecond, Percentiles latency, double processCpuMillis,
			double processCpuMillisPerApplication, double driverCpuMillisPerApplication, long databaseBytes,
			double databaseBytesPerApplication, long licences, int incomplete, int orderingViolations,
			long engineStartMillis, String firstError) {
	}

	/**
	 * @param platformOverFlowableOneThread platform theme throughput (first level) over the peer's on 1 thread
	 * @param platformOverFlowableTwoThreads the same over the peer's on 2 threads
	 * @param platformCpuOverFlowableCpu platform CPU-ms per application (all its processes) over the peer's (2 threads)
	 * @param gatewayOverDirect by number of connections
	 * @param verifyDirectOverRaw platform verifications/s (license-service direct) over raw JCA on 2 threads
	 * @param verifyGatewayOverRaw the same through the gateway
	 */
	public record Ratios(Double platformOverFlowableOneThread, Double platformOverFlowableTwoThreads,
			Double platformCpuOverFlowableCpu, Map<String, Double> gatewayOverDirect, Double verifyDirectOverRaw,
			Double verifyGatewayOverRaw) {
	}

	/** @param ok nothing lost and nothing applied twice on the platform */
	public record Integrity(int lost, int duplicates, boolean ok) {
	}

	public record PhaseFailure(String phase, String error) {
	}

}
