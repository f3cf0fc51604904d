package org.yiwang.bench.theme;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where an application's time went, from the bench's own observations (all on one clock): submission sent → its
 * case announced to the department (CaseSubmitted delivered on the webhook), announced → approval answered,
 * approval answered → licence seen on license.events, and for a case that waits for another, the other's approval
 * → this one announced.
 */
final class Stages {

	private final Map<String, List<Long>> millis = new LinkedHashMap<>();

	void add(String stage, long fromNanos, long toNanos) {
		if (fromNanos != 0 && toNanos != 0 && toNanos >= fromNanos) {
			millis.computeIfAbsent(stage, s -> new ArrayList<>()).add(TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos));
		}
	}

	/** {@code stage p50/p90/max ms (n)} per stage, in the order stages were first seen. */
	String describe() {
		StringBuilder out = new StringBuilder();
		millis.forEach((stage, values) -> {
			List<Long> sorted = new ArrayList<>(values);
			Collections.sort(sorted);
			out.append(out.length() == 0 ? "" : "; ")
				.append(stage)
				.append(' ')
				.append(percentile(sorted, 50))
				.append('/')
				.append(percentile(sorted, 90))
				.append('/')
				.append(sorted.get(sorted.size() - 1))
				.append(" ms (")
				.append(sorted.size())
				.append(')');
		});
		return out.toString();
	}

	static long percentile(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

}
