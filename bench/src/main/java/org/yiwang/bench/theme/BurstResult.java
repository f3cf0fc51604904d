package org.yiwang.bench.theme;

import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * A campaign burst: many submissions in a short window, far above the sustained rate.
 *
 * @param submitted submissions accepted by the platform
 * @param refused submissions answered 429/503 (retried by the driver until accepted; counted once each)
 * @param completed applications completed (every licence issued)
 * @param lost accepted but never completed
 * @param duplicates effects applied twice
 * @param submitWindowMillis first to last accepted submission
 * @param drainMillis last accepted submission to last completion
 * @param lag consumer lag samples over time
 */
public record BurstResult(int submitted, int refused, int completed, int lost, int duplicates,
		long submitWindowMillis, long drainMillis, Histogram submitToLastLicenceMillis, List<LagSample> lag) {

	/** Consumer lag of each consumer group (summed over partitions) at {@code atMillis} since the burst began. */
	public record LagSample(long atMillis, Map<String, Long> lagByGroup) {
	}

}
