package org.yiwang.bench.theme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yiwang.bench.BenchTarget;

/** For runs by hand during development: the platform on its default ports, secrets from .run/secrets.env. */
public final class DevTargets {

	private DevTargets() {
	}

	public static BenchTarget local() throws IOException {
		Path secretsFile = Path.of(System.getProperty("bench.secrets", ".run/secrets.env"));
		Map<String, String> secrets = new LinkedHashMap<>();
		for (String line : Files.readAllLines(secretsFile)) {
			int eq = line.indexOf('=');
			if (!line.startsWith("#") && eq > 0) {
				secrets.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
			}
		}
		Map<String, String> services = new LinkedHashMap<>();
		services.put("catalog-service", "http://127.0.0.1:8081");
		services.put("application-service", "http://127.0.0.1:8082");
		services.put("license-service", "http://127.0.0.1:8083");
		services.put("identity-service", "http://127.0.0.1:8084");
		services.put("exchange-service", "http://127.0.0.1:8085");
		return new BenchTarget("http://127.0.0.1:8080", "http://localhost:8180", services, "mongodb://127.0.0.1:27017",
				"127.0.0.1:9092", secrets);
	}

}
