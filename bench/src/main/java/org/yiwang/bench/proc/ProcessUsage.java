package org.yiwang.bench.proc;

import java.util.List;

/**
 * One platform process over one phase.
 *
 * @param name e.g. {@code gateway}, {@code mongo}, {@code keycloak}, {@code bench} (the load generator itself)
 * @param pids the process and its descendants
 * @param cpuMillis user + system CPU spent during the phase; null when the process was (re)started in between
 * @param cpuMillisPerApplication {@code cpuMillis} over the applications completed in the phase; null if unknown
 * @param rssBytes resident memory at the end of the phase
 */
public record ProcessUsage(String name, List<Long> pids, Double cpuMillis, Double cpuMillisPerApplication,
		long rssBytes) {
}
