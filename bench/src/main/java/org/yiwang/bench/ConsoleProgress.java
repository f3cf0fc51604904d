package org.yiwang.bench;

import java.io.PrintStream;

/** Progress lines on the console, each stamped with the time since the bench began. */
final class ConsoleProgress implements Progress {

	private final PrintStream out;

	private final long begin = System.nanoTime();

	ConsoleProgress(PrintStream out) {
		this.out = out;
	}

	@Override
	public synchronized void report(String line) {
		long seconds = (System.nanoTime() - begin) / 1_000_000_000L;
		out.printf("[%02d:%02d] %s%n", seconds / 60, seconds % 60, line);
		out.flush();
	}

}
