package org.yiwang.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Bytes on disk of the platform's stores: {@code .run/mongo} (the wire server's H2 file) and {@code .run/kafka}. */
public final class DataDirs {

	private DataDirs() {
	}

	/** Bytes under each store's directory, by store name; absent directories count 0. */
	public static Map<String, Long> measure(Path runDir) {
		Map<String, Long> sizes = new LinkedHashMap<>();
		sizes.put("mongo", bytes(runDir.resolve("mongo")));
		sizes.put("kafka", bytes(runDir.resolve("kafka")));
		return sizes;
	}

	public static long bytes(Path directory) {
		if (!Files.isDirectory(directory)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).mapToLong(file -> {
				try {
					return Files.size(file);
				}
				catch (IOException ex) {
					return 0;
				}
			}).sum();
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			return 0;
		}
	}

}
