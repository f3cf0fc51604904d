package org.yiwang.bench.theme;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;
import org.yiwang.bench.BenchTarget;
import org.yiwang.bench.Progress;

/**
 * Sustained load of the 开餐馆-shaped theme, as real users and department systems make it: {@code concurrency}
 * applicants submit back to back through the gateway (each next submission follows the previous answer, not the
 * previous completion: the rate is what the platform takes), the three departments' systems approve on their
 * webhooks, and each application is complete when license.events carried a licence for each of its three cases.
 */
public final class ThemeScenario implements AutoCloseable {

	private final ThemeDriver driver;

	private final Progress progress;

	public ThemeScenario(BenchTarget target, Progress progress) {
		this.driver = new ThemeDriver(target, progress);
		this.progress = progress;
	}

	public ThemeResult run(int applications, int concurrency) {
		if (applications < 1 || concurrency < 1) {
			throw new IllegalArgumentException("applications and concurrency must be at least 1");
		}
		driver.start();
		Completion completion = driver.begin();
		Histogram submitMillis = new Histogram(3);
		AtomicInteger next = new AtomicInteger();
		int threads = Math.min(concurrency, applications);
		ExecutorService submitters = Executors.newFixedThreadPool(threads, DepartmentSystems.named("bench-submit"));
		ScheduledExecutorService monitor = driver.monitor("theme", completion, applications,
				() -> Math.min(next.get(), applications));
		progress.report("theme: " + applications + " applications, " + threads + " submitters");
		try {
			List<Future<?>> loops = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				loops.add(submitters.submit(() -> {
					for (int i = next.getAndIncrement(); i < applications; i = next.getAndIncrement()) {
						ThemeDriver.Submitted submitted = driver.submit(i, completion);
						if (submitted.accepted()) {
							synchronized (submitMillis) {
								submitMillis.recordValue(TimeUnit.NANOSECONDS.toMillis(submitted.lastAttemptNanos()));
							}
						}
					}
				}));
			}
			for (Future<?> loop : loops) {
				loop.get();
			}
			driver.awaitCompletion(completion, idleTimeout(applications));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("a submitter failed: " + ex.getCause(), ex.getCause());
		}
		finally {
			submitters.shutdownNow();
			monitor.shutdownNow();
		}
		int accepted = completion.submitted();
		int completed = completion.completed();
		long elapsed = completed == 0 ? 0
				: TimeUnit.NANOSECONDS.toMillis(completion.lastCompletedNanos() - completion.firstSentNanos());
		driver.summarise("theme", completion);
		ThemeResult result = new ThemeResult(accepted, completed, accepted - completed,
				completion.duplicates() + driver.decidedTwice(completion), elapsed, completion.latencyMillis(),
				submitMillis);
		progress.report(String.format(
				"theme: done: %d applications, %d complete, %d lost, %d duplicates, %.2f applications/s,"
						+ " submit→last licence p50 %d ms p99 %d ms max %d ms",
				result.applications(), result.completed(), result.lost(), result.duplicates(),
				result.throughputPerSecond(), result.submitToLastLicenceMillis().getValueAtPercentile(50),
				result.submitToLastLicenceMillis().getValueAtPercentile(99),
				result.submitToLastLicenceMillis().getMaxValue()));
		return result;
	}

	/** How long to wait without any licence before the rest counts as lost. */
	static Duration idleTimeout(int applications) {
		return applications <= 200 ? Duration.ofSeconds(60) : Duration.ofSeconds(120);
	}

	@Override
	public void close() {
		driver.close();
	}

}
