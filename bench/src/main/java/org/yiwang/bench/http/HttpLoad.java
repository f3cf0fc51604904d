package org.yiwang.bench.http;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP load generator: {@code connections} worker threads, each owning one kept-alive TCP connection,
 * each sending the next request as soon as the previous answer is read, for a fixed time. All connections are
 * opened before the clock starts, so the round really holds that many at once.
 */
public final class HttpLoad {

	static final long HIGHEST_MICROS = 120_000_000L;

	private final int timeoutMillis;

	public HttpLoad(Duration requestTimeout) {
		this.timeoutMillis = (int) requestTimeout.toMillis();
	}

	public HttpLoad() {
		this(Duration.ofSeconds(15));
	}

	/** One request, answered or not: for checking a target before loading it. */
	public Answer once(HttpRequestSpec request) {
		try (HttpConnection connection = new HttpConnection(request, timeoutMillis)) {
			HttpConnection.Response response = connection.exchange(true);
			return new Answer(response.status(), response.body(), null);
		}
		catch (IOException | RuntimeException ex) {
			return new Answer(0, null, ex.toString());
		}
	}

	public LoadResult run(String label, HttpRequestSpec request, int connections, Duration duration) {
		CountDownLatch connected = new CountDownLatch(connections);
		CountDownLatch start = new CountDownLatch(1);
		List<Worker> workers = new ArrayList<>();
		for (int i = 0; i < connections; i++) {
			Worker worker = new Worker(new HttpConnection(request, timeoutMillis), connected, start);
			workers.add(worker);
			Thread thread = new Thread(null, worker, "load-" + label + "-" + i, 256 * 1024);
			thread.setDaemon(true);
			worker.thread = thread;
			thread.start();
		}
		await(connected);
		long begin = System.nanoTime();
		long deadline = begin + duration.toNanos();
		workers.forEach(w -> w.deadline = deadline);
		start.countDown();
		Map<String, Long> statuses = new TreeMap<>();
		Histogram latency = new Histogram(HIGHEST_MICROS, 3);
		long opened = 0;
		for (Worker worker : workers) {
			try {
				worker.thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted during a load round", ex);
			}
			worker.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
			latency.add(worker.latency);
			opened += worker.connection.opened();
		}
		for (String status : List.of("200", "429", "503", "other", "errors")) {
			statuses.putIfAbsent(status, 0L);
		}
		return new LoadResult(label, connections, duration.toMillis(), statuses, latency, opened, 1);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while connecting", ex);
		}
	}

	/**
	 * @param status 0 when there was no answer
	 * @param error why there was none
	 */
	public record Answer(int status, String body, String error) {
	}

	private static final class Worker implements Runnable {

		private final HttpConnection connection;

		private final CountDownLatch connected;

		private final CountDownLatch start;

		private final Map<String, Long> statuses = new TreeMap<>();

		private final Histogram latency = new Histogram(HIGHEST_MICROS, 3);

		private volatile long deadline;

		private Thread thread;

		Worker(HttpConnection connection, CountDownLatch connected, CountDownLatch start) {
			this.connection = connection;
			this.connected = connected;
			this.start = start;
		}

		@Override
		public void run() {
			try {
				connection.connect();
			}
			catch (IOException ex) {
				// counted below as the first request's error, retried in the loop
			}
			connected.countDown();
			await(start);
			long now = System.nanoTime();
			while (now < deadline) {
				try {
					HttpConnection.Response response = connection.exchange(false);
					long after = System.nanoTime();
					latency.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (after - now) / 1000)));
					if (after <= deadline) {
						// an answer after the round's end is a real latency but not part of the round's throughput
						statuses.merge(classify(response.status()), 1L, Long::sum);
					}
					now = after;
				}
				catch (IOException | RuntimeException ex) {
					if (System.nanoTime() <= deadline) {
						statuses.merge("errors", 1L, Long::sum);
					}
					connection.close();
					pause();
					now = System.nanoTime();
				}
			}
			connection.close();
		}

		private static String classify(int status) {
			return switch (status) {
				case 200, 429, 503 -> String.valueOf(status);
				default -> "other";
			};
		}

		private static void pause() {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
