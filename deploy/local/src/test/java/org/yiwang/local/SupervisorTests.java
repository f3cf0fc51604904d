package org.yiwang.local;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's restarts with fake processes ({@code sh}) in a temp directory and a shortened back-off: a process
 * that keeps dying is restarted with growing delays and then given up, a restarted one gets its pid file and status
 * line, and a stop (the launcher's or {@code ./platform stop}'s) reaches the current incarnation.
 */
class SupervisorTests {

	/** 100 ms, 200 ms, 300 ms (capped), …; the 5th failure within a minute is the last. */
	private static final Supervisor.Policy FAST = new Supervisor.Policy(Duration.ofMillis(100), Duration.ofMillis(300),
			5, Duration.ofMinutes(1), Duration.ofMillis(50));

	@TempDir
	Path home;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

	private final List<AutoCloseable> cleanup = new ArrayList<>();

	@AfterEach
	void tearDown() throws Exception {
		for (AutoCloseable closeable : cleanup) {
			closeable.close();
		}
	}

	@Test
	void backOffDoublesUpToItsCap() {
		assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 40).stream().map(Supervisor.Policy.DEFAULT::delayAfter).toList())
			.containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
					Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
	}

	@Test
	void aProcessThatKeepsDyingIsRestartedWithGrowingDelaysThenGivenUp() throws Exception {
		Path starts = home.resolve("starts");
		ManagedProcess dying = fake("catalog-service", "echo $(date +%s%N) >> " + starts + "; exit 3");
		Path pids = home.resolve("pids");
		Supervisor supervisor = new Supervisor(pids, FAST, out);
		cleanup.add(supervisor);
		dying.start();
		supervisor.watch(dying);

		await(() -> supervisor.state("catalog-service") == Supervisor.State.FAILED, Duration.ofSeconds(10));
		assertThat(supervisor.restarts("catalog-service")).isEqualTo(4);
		List<Long> startedAt = Files.readAllLines(starts).stream().map(Long::parseLong).toList();
		assertThat(startedAt).hasSize(5);
		// each restart waited at least its back-off: 100, 200, 300, 300 ms
		long[] backOff = { 100, 200, 300, 300 };
		for (int i = 1; i < startedAt.size(); i++) {
			assertThat((startedAt.get(i) - startedAt.get(i - 1)) / 1_000_000).as("gap before restart " + i)
				.isGreaterThanOrEqualTo(backOff[i - 1]);
		}
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("exited with code 3; restart 1 in 100 ms")
			.contains("restart 2 in 200 ms")
			.contains("restart 3 in 300 ms")
			.contains("restart 4 in 300 ms")
			.contains("gave up after 5 failures within 1 min");
		assertThat(Platform.status(pids, "catalog-service"))
			.startsWith("failed (exited with code 3; gave up after 5 failures within 1 min; see ")
			.endsWith("catalog-service.log)");
		// given up means given up
		Thread.sleep(500);
		assertThat(Files.readAllLines(starts)).hasSize(5);
	}

	@Test
	void theLauncherStopsTheCurrentIncarnationOfARestartedProcessAndRestartsNothingAfter() throws Exception {
		Path starts = home.resolve("starts");
		PlatformRuntime platform = PlatformRuntime.create(home, home.resolve(".run"), Map.of(), out)
			.restartPolicy(FAST);
		cleanup.add(platform);
		ManagedProcess service = platform.launch(fake("catalog-service", "echo x >> " + starts + "; exec sleep 60"));
		platform.supervise();
		Path pidFile = home.resolve(".run/pids/catalog-service.pid");
		long first = Long.parseLong(Files.readString(pidFile));
		assertThat(first).isEqualTo(service.process().pid());

		service.process().destroyForcibly();
		await(() -> !Files.readString(pidFile).equals(Long.toString(first)), Duration.ofSeconds(5));
		long second = Long.parseLong(Files.readString(pidFile));
		assertThat(second).isEqualTo(service.process().pid());
		await(() -> Platform.status(home.resolve(".run/pids"), "catalog-service")
			.equals("running (pid " + second + ", restarted 1×)"), Duration.ofSeconds(5));

		platform.close();
		assertThat(ProcessHandle.of(second).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(ProcessHandle.of(first).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(pidFile).doesNotExist();
		// well past the back-off: the stop was not taken for a crash
		Thread.sleep(500);
		assertThat(Files.readAllLines(starts)).hasSize(2);
		assertThat(Platform.status(home.resolve(".run/pids"), "catalog-service")).isEqualTo("stopped");
	}

	@Test
	void platformStopFromAnotherTerminalFindsTheRestartedIncarnationThroughItsPidFile() throws Exception {
		Path pids = home.resolve(".run/pids");
		ManagedProcess service = fake("license-service", "exec sleep 60");
		Supervisor supervisor = new Supervisor(pids, FAST, out);
		service.start();
		cleanup.add(() -> service.stop(Duration.ofSeconds(1)));
		supervisor.watch(service);
		long first = service.process().pid();

		service.process().destroyForcibly();
		await(() -> supervisor.restarts("license-service") == 1 && service.process().isAlive(), Duration.ofSeconds(5));
		long second = service.process().pid();
		assertThat(second).isNotEqualTo(first);
		// the launcher is gone (no launcher.pid): ./platform stop stops each process by its pid file
		supervisor.close();
		assertThat(Platform.stop(home.resolve(".run"), out)).isTrue();
		assertThat(ProcessHandle.of(second).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("stopped license-service");
	}

	private ManagedProcess fake(String name, String script) {
		return new ManagedProcess(name, List.of("sh", "-c", script), Map.of(), home,
				home.resolve("logs").resolve(name + ".log"), () -> true, "http://127.0.0.1:0");
	}

	private static void await(Check check, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!check.ok()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within " + timeout);
			}
			Thread.sleep(20);
		}
	}

	@FunctionalInterface
	interface Check {

		boolean ok() throws Exception;

	}

}
