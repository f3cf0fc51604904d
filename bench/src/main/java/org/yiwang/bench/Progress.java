package org.yiwang.bench;

/** Progress lines while the bench runs (one line each, to the console). */
@FunctionalInterface
public interface Progress {

	void report(String line);

}
