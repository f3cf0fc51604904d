package org.yiwang.bench.theme;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.yiwang.bench.BenchTarget;
import org.yiwang.bench.Progress;

/**
 * A campaign burst (e.g. the first days of a new policy): {@code submissions} theme applications spread evenly over
 * {@code window}, far above the sustained rate. Submitters start each submission at its slot (a 429 is waited
 * out and sent again, and counted as refused once); departments decide on their webhooks as always; completion comes
 * from license.events. Consumer lag of the platform's groups is sampled every second from the first submission
 * until the platform has drained.
 */
public final class Burst implements AutoCloseable {

	private final BenchTarget target;

	private final ThemeDriver driver;

	private final Progress progress;

	public Burst(BenchTarget target, Progress progress) {
		this.target = target;
		this.driver = new ThemeDriver(target, progress);
		this.progress = progress;
	}

	public BurstResult run(int submissions, Duration window) {
		if (submissions < 1 || window.isNegative()) {
			throw new IllegalArgumentException("submissions must be at least 1 and the window not negative");
		}
		driver.start();
		Completion completion = driver.begin();
		double perSecond = submissions / Math.max(0.001, window.toMillis() / 1000.0);
		int threads = (int) Math.max(8, Math.min(64, Math.ceil(perSecond * 2)));
		AtomicInteger next = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		AtomicLong firstAccepted = new AtomicLong(Long.MAX_VALUE);
		AtomicLong lastAccepted = new AtomicLong(Long.MIN_VALUE);
		List<BurstResult.LagSample> lag = Collections.synchronizedList(new ArrayList<>());
		progress.report(String.format("burst: %d submissions over %d s (%.1f/s), %d submitters", submissions,
				window.toSeconds(), perSecond, threads));
		ExecutorService submitters = Executors.newFixedThreadPool(threads, DepartmentSystems.named("bench-burst"));
		ScheduledExecutorService monitor = driver.monitor("burst", completion, submissions,
				() -> Math.min(next.get(), submissions));
		long begin = System.nanoTime();
		try (ConsumerLag lagMeter = new ConsumerLag(target.kafkaBootstrap())) {
			ScheduledExecutorService sampler = Executors
				.newSingleThreadScheduledExecutor(DepartmentSystems.named("bench-lag"));
			sampler.scheduleAtFixedRate(() -> sample(lagMeter, begin, lag), 0, 1, TimeUnit.SECONDS);
			try {
				List<Future<?>> loops = new ArrayList<>();
				for (int t = 0; t < threads; t++) {
					loops.add(submitters.submit(() -> {
						for (int i = next.getAndIncrement(); i < submissions; i = next.getAndIncrement()) {
							long slot = begin + window.toNanos() * i / submissions;
							Backoff.sleep(TimeUnit.NANOSECONDS.toMillis(slot - System.nanoTime()));
							ThemeDriver.Submitted submitted = driver.submit(i, completion);
							if (submitted.refused()) {
								refused.incrementAndGet();
							}
							if (submitted.accepted()) {
								firstAccepted.accumulateAndGet(submitted.answeredNanos(), Math::min);
								lastAccepted.accumulateAndGet(submitted.answeredNanos(), Math::max);
							}
						}
					}));
				}
				for (Future<?> loop : loops) {
					loop.get();
				}
				progress.report("burst: submissions done after "
						+ TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - begin) + " s; waiting for the licences");
				driver.awaitCompletion(completion, Duration.ofSeconds(120));
				awaitDrained(lag, Duration.ofSeconds(60));
			}
			finally {
				sampler.shutdownNow();
				sampler.awaitTermination(15, TimeUnit.SECONDS);
			}
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
		long window0 = accepted == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(lastAccepted.get() - firstAccepted.get());
		long drain = completed == 0 || accepted == 0 ? 0
				: Math.max(0, TimeUnit.NANOSECONDS.toMillis(completion.lastCompletedNanos() - lastAccepted.get()));
		driver.summarise("burst", completion);
		BurstResult result = new BurstResult(accepted, refused.get(), completed, accepted - completed,
				completion.duplicates() + driver.decidedTwice(completion), window0, drain, completion.latencyMillis(),
				List.copyOf(lag));
		progress.report(String.format(
				"burst: done: %d accepted (%d refused at first), %d complete, %d lost, %d duplicates, submitted in %d ms,"
						+ " drained %d ms after the last submission, submit→last licence p50 %d ms p99 %d ms,"
						+ " peak lag %s",
				result.submitted(), result.refused(), result.completed(), result.lost(), result.duplicates(),
				result.submitWindowMillis(), result.drainMillis(),
				result.submitToLastLicenceMillis().getValueAtPercentile(50),
				result.submitToLastLicenceMillis().getValueAtPercentile(99), peakLag(result.lag())));
		return result;
	}

	private void sample(ConsumerLag meter, long begin, List<BurstResult.LagSample> lag) {
		try {
			Map<String, Long> sample = meter.sample();
			lag.add(new BurstResult.LagSample(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), sample));
		}
		catch (Exception ex) {
			if (lag.isEmpty()) {
				progress.report("burst: consumer lag not available: " + ex);
			}
		}
	}

	/** After the last completion, keeps sampling until every platform group has caught up (or the timeout). */
	private void awaitDrained(List<BurstResult.LagSample> lag, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		int seen = lag.size();
		while (System.nanoTime() < deadline) {
			if (lag.size() > seen) {
				BurstResult.LagSample last = lag.get(lag.size() - 1);
				if (last.lagByGroup().values().stream().allMatch(v -> v == 0)) {
					return;
				}
			}
			Backoff.sleep(250);
		}
		progress.report("burst: consumer groups still lagging after " + timeout.toSeconds() + " s: "
				+ (lag.isEmpty() ? "no sample" : lag.get(lag.size() - 1).lagByGroup()));
	}

	static String peakLag(List<BurstResult.LagSample> samples) {
		Map<String, Long> peak = new java.util.TreeMap<>();
		for (BurstResult.LagSample sample : samples) {
			sample.lagByGroup().forEach((group, value) -> peak.merge(group, value, Math::max));
		}
		return peak.toString();
	}

	@Override
	public void close() {
		driver.close();
	}

}
