package org.yiwang.bench.theme;

import java.util.concurrent.CancellationException;

/** Sleeping between attempts; an interrupt ends the loop that sleeps (the run is being closed). */
final class Backoff {

	private Backoff() {
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(Math.max(0, millis));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CancellationException("interrupted");
		}
	}

}
