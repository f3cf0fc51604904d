package org.yiwang.bench.http;

import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

/**
 * What one closed-loop round (or several merged) saw.
 *
 * @param label what was loaded, e.g. {@code gateway} or {@code direct}
 * @param connections concurrent kept-alive connections
 * @param elapsedMillis the round's length (all connections start together; answers after it are not counted)
 * @param statuses answers within the round by class: {@code 200}, {@code 429}, {@code 503}, {@code other}, and
 * {@code errors} (I/O failures, time-outs)
 * @param latencyMicros every answer's latency, request written to response read (including the last answer of each
 * connection, which may come after the round)
 * @param connectionsOpened TCP connections opened (equal to {@code connections} when every one stayed alive)
 * @param rounds rounds merged into this result
 */
public record LoadResult(String label, int connections, long elapsedMillis, Map<String, Long> statuses,
		Histogram latencyMicros, long connectionsOpened, int rounds) {

	public long answers() {
		return statuses.entrySet().stream().filter(e -> !"errors".equals(e.getKey())).mapToLong(Map.Entry::getValue).sum();
	}

	public long ok() {
		return statuses.getOrDefault("200", 0L);
	}

	public long count(String status) {
		return statuses.getOrDefault(status, 0L);
	}

	/** Answers with 200 per second. */
	public double throughputPerSecond() {
		return elapsedMillis == 0 ? 0 : ok() * 1000.0 / elapsedMillis;
	}

	/** Both rounds as one: requests and time add up, latencies merge. */
	public LoadResult merge(LoadResult other) {
		Map<String, Long> sum = new TreeMap<>(statuses);
		other.statuses.forEach((status, count) -> sum.merge(status, count, Long::sum));
		Histogram latency = latencyMicros.copy();
		latency.add(other.latencyMicros);
		return new LoadResult(label, connections, elapsedMillis + other.elapsedMillis, sum, latency,
				connectionsOpened + other.connectionsOpened, rounds + other.rounds);
	}

}
