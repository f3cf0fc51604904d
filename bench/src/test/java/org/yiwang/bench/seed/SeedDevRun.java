package org.yiwang.bench.seed;

import java.time.LocalTime;

import org.yiwang.bench.BenchTarget;
import org.yiwang.bench.Progress;
import org.yiwang.bench.theme.DevTargets;

/**
 * By hand against a running platform (not a test): {@code <stored applications wanted>} seeds up to that many.
 * Classpath: bench/target/classes, bench/target/test-classes, bench/target/lib/*; run from the repository root.
 */
public final class SeedDevRun {

	private SeedDevRun() {
	}

	public static void main(String[] args) throws Exception {
		BenchTarget target = DevTargets.local();
		Progress progress = line -> System.out.println(LocalTime.now().withNano(0) + " " + line);
		long wanted = args.length > 0 ? Long.parseLong(args[0]) : 2_000;
		try (HistorySeeder seeder = new HistorySeeder(target, progress)) {
			progress.report("stored before: " + seeder.storedApplications());
			seeder.seedUntil(wanted);
			progress.report("stored after: " + seeder.storedApplications());
		}
		System.exit(0);
	}

}
