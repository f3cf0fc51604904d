package org.yiwang.bench.seed;

import java.time.LocalTime;

import org.yiwang.bench.BenchTarget;
import org.yiwang.bench.Progress;
import org.yiwang.bench.theme.DevTargets;

/**
 * By hand against a running platform (not a test): {@code <stored applications wanted>} seeds up to that many;
 * {@code remove} removes every seeded document again.
 * Classpath: bench/target/classes, bench/target/test-classes, bench/target/lib/*; run from the repository root.
 */
public final class SeedDevRun {

	private SeedDevRun() {
	}

	public static void main(String[] args) throws Exception {
		BenchTarget target = DevTargets.local();
		Progress progress = line -> System.out.println(LocalTime.now().withNano(0) + " " + line);
		try (HistorySeeder seeder = new HistorySeeder(target, progress)) {
			progress.report("stored before: " + seeder.storedApplications());
			if (args.length > 0 && "remove".equals(args[0])) {
				seeder.removeSeeded();
			}
			else {
				seeder.seedUntil(args.length > 0 ? Long.parseLong(args[0]) : 2_000);
			}
			progress.report("stored after: " + seeder.storedApplications());
		}
		System.exit(0);
	}

}
