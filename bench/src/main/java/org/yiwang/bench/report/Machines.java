package org.yiwang.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.yiwang.bench.proc.ProcessCpu;

/** The facts of the machine a report was measured on. */
public final class Machines {

	private Machines() {
	}

	public static Report.Machine current() {
		return new Report.Machine(Runtime.getRuntime().availableProcessors(), memTotalBytes(), cpuModel(),
				System.getProperty("java.version"),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"), os(),
				ProcessCpu.clockTicksPerSecond(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	static long memTotalBytes() {
		for (String line : lines(Path.of("/proc/meminfo"))) {
			if (line.startsWith("MemTotal:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
			}
		}
		return Runtime.getRuntime().maxMemory();
	}

	static String cpuModel() {
		for (String line : lines(Path.of("/proc/cpuinfo"))) {
			if (line.startsWith("model name")) {
				return line.substring(line.indexOf(':') + 1).trim();
			}
		}
		return System.getProperty("os.arch");
	}

	static String os() {
		String distribution = null;
		for (String line : lines(Path.of("/etc/os-release"))) {
			if (line.startsWith("PRETTY_NAME=")) {
				distribution = line.substring("PRETTY_NAME=".length()).replace("\"", "");
			}
		}
		String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
				+ System.getProperty("os.arch") + ")";
		return distribution == null ? kernel : distribution + ", " + kernel;
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
