package org.yiwang.bench.peer;

import org.yiwang.bench.report.Percentiles;

/**
 * One measured run of the workflow-engine peer: {@code applications} started by {@code threads} driver threads,
 * each thread acting as applicant and as the three departments for its applications.
 *
 * @param threads driver threads
 * @param applications started
 * @param completed process instances finished with their three licences
 * @param failed applications whose driver step threw
 * @param elapsedMillis first start to last completion
 * @param throughputPerSecond completed per second of {@code elapsedMillis}
 * @param latency per application, start to its last licence
 * @param processCpuMillis CPU of the whole bench JVM over the run (engine, H2, driver, GC, JIT)
 * @param driverCpuMillis CPU of the driver threads only (engine and H2 run in them: no async executor)
 * @param databaseBytes growth of the H2 file over the run
 * @param licences licence rows written
 * @param incomplete finished applications without exactly three licences, or not finished at all
 * @param orderingViolations applications whose WSJK task was created before SCJG's was completed
 * @param engineStartMillis building the engine on a fresh database (not part of the run)
 * @param firstError the first driver failure, or null
 */
public record PeerResult(int threads, int applications, int completed, int failed, long elapsedMillis,
		double throughputPerSecond, Percentiles latency, double processCpuMillis, double driverCpuMillis,
		long databaseBytes, long licences, int incomplete, int orderingViolations, long engineStartMillis,
		String firstError) {

	public double processCpuMillisPerApplication() {
		return completed == 0 ? 0 : processCpuMillis / completed;
	}

	public double driverCpuMillisPerApplication() {
		return completed == 0 ? 0 : driverCpuMillis / completed;
	}

	public double databaseBytesPerApplication() {
		return completed == 0 ? 0 : (double) databaseBytes / completed;
	}

}
