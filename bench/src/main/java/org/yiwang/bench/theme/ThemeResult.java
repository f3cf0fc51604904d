package org.yiwang.bench.theme;

import org.HdrHistogram.Histogram;

/**
 * One sustained run of the 开餐馆-shaped theme through the gateway.
 *
 * @param applications submitted
 * @param completed every case approved and every licence issued (learnt from events/webhooks)
 * @param lost submitted but not completed before the deadline
 * @param duplicates effects seen twice (a licence issued twice for a case, a case delivered twice and decided twice)
 * @param elapsedMillis first submission to last completion
 * @param submitToLastLicenceMillis per application
 * @param submitMillis latency of the submission request itself
 */
public record ThemeResult(int applications, int completed, int lost, int duplicates, long elapsedMillis,
		Histogram submitToLastLicenceMillis, Histogram submitMillis) {

	public double throughputPerSecond() {
		return elapsedMillis == 0 ? 0 : completed * 1000.0 / elapsedMillis;
	}

}
