package org.yiwang.bench.theme;

import java.time.Duration;
import java.time.LocalTime;

import org.yiwang.bench.BenchTarget;
import org.yiwang.bench.Progress;

/**
 * By hand against a running platform (not a test): {@code theme <applications> <concurrency>} or
 * {@code burst <submissions> <seconds>}. Classpath: bench/target/classes, bench/target/test-classes,
 * bench/target/lib/*; run from the repository root.
 */
public final class ThemeDevRun {

	private ThemeDevRun() {
	}

	public static void main(String[] args) throws Exception {
		BenchTarget target = DevTargets.local();
		Progress progress = line -> System.out.println(LocalTime.now().withNano(0) + " " + line);
		String mode = args.length > 0 ? args[0] : "theme";
		int n = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		int m = args.length > 2 ? Integer.parseInt(args[2]) : 4;
		if ("burst".equals(mode)) {
			try (Burst burst = new Burst(target, progress)) {
				BurstResult result = burst.run(n, Duration.ofSeconds(m));
				System.out.println(result);
				result.lag().forEach(s -> System.out.println("  lag " + s.atMillis() + " ms " + s.lagByGroup()));
			}
		}
		else {
			try (ThemeScenario scenario = new ThemeScenario(target, progress)) {
				ThemeResult result = scenario.run(n, m);
				System.out.println(result);
			}
		}
		System.exit(0);
	}

}
