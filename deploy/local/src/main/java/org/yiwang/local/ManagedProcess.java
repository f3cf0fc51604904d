package org.yiwang.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One platform process: its command, environment, log file and readiness probe. Stopped with SIGTERM first (so
 * the Mongo wire server flushes, Kafka closes its log, services shut down gracefully), then killed.
 */
final class ManagedProcess {

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path workingDirectory;

	private final Path logFile;

	private final BooleanSupplier ready;

	private final String url;

	private volatile Process process;

	ManagedProcess(String name, List<String> command, Map<String, String> environment, Path workingDirectory,
			Path logFile, BooleanSupplier ready, String url) {
		this.name = name;
		this.command = command;
		this.environment = environment;
		this.workingDirectory = workingDirectory;
		this.logFile = logFile;
		this.ready = ready;
		this.url = url;
	}

	String name() {
		return name;
	}

	String url() {
		return url;
	}

	Path logFile() {
		return logFile;
	}

	Process process() {
		return process;
	}

	ManagedProcess start() throws IOException {
		Files.createDirectories(logFile.getParent());
		Files.writeString(logFile, "=== " + java.time.LocalDateTime.now() + " " + String.join(" ", command) + "\n",
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
		builder.environment().putAll(environment);
		process = builder.start();
		return this;
	}

	/** Waits until the probe passes; fails early if the process dies. */
	void awaitReady(Duration timeout, Runnable othersAlive) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			othersAlive.run();
			if (process != null && !process.isAlive()) {
				throw new IllegalStateException(name + " exited with code " + process.exitValue() + " during startup; see "
						+ logFile);
			}
			if (ready.getAsBoolean()) {
				return;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see " + logFile);
	}

	boolean isReady() {
		return ready.getAsBoolean();
	}

	void stop(Duration grace) {
		if (process == null || !process.isAlive()) {
			return;
		}
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

}
