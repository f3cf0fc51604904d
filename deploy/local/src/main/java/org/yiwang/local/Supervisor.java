package org.yiwang.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the platform's processes running once it is up: a process that exits is started again after a back-off
 * that doubles with each failure within the window (1 s, 2 s, 4 s … capped at 30 s by default), and is given up
 * (left stopped, said so) when it failed {@link Policy#maxFailures()} times within {@link Policy#window()}. Each
 * restart rewrites {@code <name>.pid}, so {@code ./platform stop} and {@code status} see the current incarnation;
 * {@code <name>.state} beside it tells {@code ./platform status} about restarts and failures.
 * <p>
 * {@link #close()} stops watching (no restart after it, none half-done during it); stopping the processes is the
 * caller's.
 */
final class Supervisor implements AutoCloseable {

	/**
	 * @param initialDelay the back-off before the first restart; doubled for each further failure within the window
	 * @param maxDelay the longest back-off
	 * @param maxFailures failures within the window after which the process is not restarted again
	 * @param window how far back failures count
	 * @param readinessPoll how often a restarted process's readiness probe is asked
	 */
	record Policy(Duration initialDelay, Duration maxDelay, int maxFailures, Duration window, Duration readinessPoll) {

		static final Policy DEFAULT = new Policy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5,
				Duration.ofMinutes(10), Duration.ofMillis(500));

		Policy {
			if (maxFailures < 1 || initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
				throw new IllegalArgumentException("invalid restart policy");
			}
		}

		/** The back-off after the given number of failures within the window (1 for the first). */
		Duration delayAfter(int failures) {
			long millis = initialDelay.toMillis() << Math.min(Math.max(failures - 1, 0), 30);
			return millis > maxDelay.toMillis() || millis < 0 ? maxDelay : Duration.ofMillis(millis);
		}

	}

	enum State {

		/** started again, waiting for its readiness probe */
		STARTING,
		/** up (and, after a restart, ready) */
		RUNNING,
		/** exited; the next start is scheduled */
		RESTARTING,
		/** exited too often: not started again */
		FAILED

	}

	private final Path pidDir;

	private final Policy policy;

	private final PrintStream out;

	private final ScheduledExecutorService scheduler;

	private final Map<String, Watch> watches = new LinkedHashMap<>();

	private boolean closed;

	Supervisor(Path pidDir, Policy policy, PrintStream out) {
		this.pidDir = pidDir;
		this.policy = policy;
		this.out = out;
		this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "platform-supervisor");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Watches a started process from now on. */
	synchronized void watch(ManagedProcess process) {
		if (closed) {
			throw new IllegalStateException("supervisor closed");
		}
		Watch watch = new Watch(process);
		watches.put(process.name(), watch);
		arm(watch, process.process());
	}

	synchronized int restarts(String name) {
		return watches.get(name).restarts;
	}

	synchronized State state(String name) {
		return watches.get(name).state;
	}

	@Override
	public void close() {
		synchronized (this) {
			closed = true;
		}
		scheduler.shutdownNow();
		try {
			scheduler.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// ---- the watch ------------------------------------------------------------------------------------------------

	private static final class Watch {

		final ManagedProcess process;

		final Deque<Long> failures = new ArrayDeque<>();

		int restarts;

		State state = State.RUNNING;

		String detail = "";

		Watch(ManagedProcess process) {
			this.process = process;
		}

	}

	private void arm(Watch watch, Process incarnation) {
		incarnation.onExit().thenAccept(exited -> exited(watch, exited));
	}

	private synchronized void exited(Watch watch, Process incarnation) {
		if (closed || watch.process.process() != incarnation) {
			return;
		}
		failed(watch, "exited with code " + incarnation.exitValue());
	}

	private void failed(Watch watch, String what) {
		long now = System.nanoTime();
		watch.failures.addLast(now);
		while (now - watch.failures.peekFirst() > policy.window().toNanos()) {
			watch.failures.removeFirst();
		}
		int recent = watch.failures.size();
		String name = watch.process.name();
		if (recent >= policy.maxFailures()) {
			watch.state = State.FAILED;
			watch.detail = what + "; gave up after " + recent + " failures within " + human(policy.window()) + "; see "
					+ watch.process.logFile();
			out.printf("  FAILED   %-20s %s%n", name, watch.detail);
			writeState(watch);
			return;
		}
		Duration delay = policy.delayAfter(recent);
		watch.state = State.RESTARTING;
		watch.detail = what + "; restart " + (watch.restarts + 1) + " in " + human(delay);
		out.printf("  exited   %-20s %s%n", name, watch.detail);
		writeState(watch);
		scheduler.schedule(() -> restart(watch), delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	private synchronized void restart(Watch watch) {
		if (closed) {
			return;
		}
		try {
			watch.process.start();
		}
		catch (IOException | RuntimeException ex) {
			failed(watch, "could not be started again (" + ex.getMessage() + ")");
			return;
		}
		Process incarnation = watch.process.process();
		watch.restarts++;
		watch.state = State.STARTING;
		watch.detail = "";
		writePid(watch.process.name(), incarnation.pid());
		writeState(watch);
		out.printf("  restart  %-20s pid %d (restart %d)%n", watch.process.name(), incarnation.pid(), watch.restarts);
		arm(watch, incarnation);
		long started = System.nanoTime();
		ScheduledFuture<?>[] poll = new ScheduledFuture<?>[1];
		poll[0] = scheduler.scheduleWithFixedDelay(() -> {
			if (!awaitingReadiness(watch, incarnation)) {
				poll[0].cancel(false);
			}
			else if (watch.process.isReady()) {
				ready(watch, incarnation, started);
				poll[0].cancel(false);
			}
		}, 0, policy.readinessPoll().toMillis(), TimeUnit.MILLISECONDS);
	}

	private synchronized boolean awaitingReadiness(Watch watch, Process incarnation) {
		return !closed && watch.process.process() == incarnation && incarnation.isAlive()
				&& watch.state == State.STARTING;
	}

	private synchronized void ready(Watch watch, Process incarnation, long started) {
		if (awaitingReadiness(watch, incarnation)) {
			watch.state = State.RUNNING;
			writeState(watch);
			out.printf("  ready    %-20s %-45s (restart %d, %.1f s)%n", watch.process.name(), watch.process.url(),
					watch.restarts, (System.nanoTime() - started) / 1e9);
		}
	}

	// ---- files read by ./platform status and stop ----------------------------------------------------------------

	private void writePid(String name, long pid) {
		write(pidDir.resolve(name + ".pid"), Long.toString(pid));
	}

	private void writeState(Watch watch) {
		Properties state = new Properties();
		state.setProperty("state", watch.state.name().toLowerCase(java.util.Locale.ROOT));
		state.setProperty("restarts", Integer.toString(watch.restarts));
		state.setProperty("detail", watch.detail);
		StringWriter text = new StringWriter();
		try {
			state.store(text, "written by the launcher's supervisor");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		write(stateFile(pidDir, watch.process.name()), text.toString());
	}

	static Path stateFile(Path pidDir, String name) {
		return pidDir.resolve(name + ".state");
	}

	/** The state a supervisor last wrote for the process, empty when it never wrote one. */
	static Properties readState(Path pidDir, String name) {
		Properties state = new Properties();
		Path file = stateFile(pidDir, name);
		if (Files.exists(file)) {
			try (Reader reader = Files.newBufferedReader(file)) {
				state.load(reader);
			}
			catch (IOException ex) {
				// a state being replaced: shown as without one
			}
		}
		return state;
	}

	private static void write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			Path temp = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(temp, content);
			try {
				Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			// status shows less; the process is restarted all the same
		}
	}

	static String human(Duration duration) {
		if (duration.toMillis() < 1000 || duration.toMillis() % 1000 != 0) {
			return duration.toMillis() + " ms";
		}
		long seconds = duration.toSeconds();
		return seconds % 60 == 0 && seconds >= 60 ? seconds / 60 + " min" : seconds + " s";
	}

}
