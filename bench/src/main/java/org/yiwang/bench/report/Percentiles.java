package org.yiwang.bench.report;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution as the report shows it: count, mean and the percentiles in milliseconds.
 *
 * @param count recorded values
 * @param meanMillis mean
 * @param p50Millis median
 * @param p90Millis 90th percentile
 * @param p95Millis 95th percentile
 * @param p99Millis 99th percentile
 * @param maxMillis largest recorded value
 */
public record Percentiles(long count, double meanMillis, double p50Millis, double p90Millis, double p95Millis,
		double p99Millis, double maxMillis) {

	public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0, 0, 0, 0);

	/**
	 * @param histogram the recorded values
	 * @param unitsPerMillisecond 1 for a histogram of milliseconds, 1000 for microseconds, 1e6 for nanoseconds
	 */
	public static Percentiles of(Histogram histogram, double unitsPerMillisecond) {
		if (histogram == null || histogram.getTotalCount() == 0) {
			return EMPTY;
		}
		return new Percentiles(histogram.getTotalCount(), round(histogram.getMean() / unitsPerMillisecond),
				round(histogram.getValueAtPercentile(50) / unitsPerMillisecond),
				round(histogram.getValueAtPercentile(90) / unitsPerMillisecond),
				round(histogram.getValueAtPercentile(95) / unitsPerMillisecond),
				round(histogram.getValueAtPercentile(99) / unitsPerMillisecond),
				round(histogram.getMaxValue() / unitsPerMillisecond));
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
