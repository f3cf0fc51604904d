package org.yiwang.license.credential;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.ECKey;
import org.yiwang.license.LicenseProperties;

/**
 * Verification hot path vs raw ES256 signature verification on this machine, single thread:
 * <ul>
 * <li>raw: JCA {@code SHA256withECDSA} verify of a pre-parsed signing input and DER signature — the floor;</li>
 * <li>verify JWS: the full offline verification (parse, JSON, key lookup, signature, issuer, validity, status
 * list bits) of a licence credential;</li>
 * <li>verify QR: the same from the compressed QR payload (inflate first).</li>
 * </ul>
 * Run: {@code mvn -B -o -q -pl license-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.yiwang.license.credential.VerificationBenchmark}; writes
 * {@code license-service/benchmarks/verification-<timestamp>.md} (from the module directory or the repo root).
 */
public final class VerificationBenchmark {

	private VerificationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Duration window = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 5);
		Path keysDir = Files.createTempDirectory("license-bench-keys");
		DepartmentKeys keys = new DepartmentKeys(new LicenseProperties(keysDir, "", "http://localhost:8080",
				Duration.ofSeconds(60)));
		CredentialSigner signer = new CredentialSigner(keys, new LicenseProperties(keysDir, "",
				"http://localhost:8080", Duration.ofSeconds(60)));
		Instant now = Instant.now();
		String jws = signer.sign(new CredentialClaims("FOOD_BUSINESS-SCJG-2026-000042-7", "FOOD_BUSINESS", "食品经营许可证",
				"holder-bench", "张三餐饮店（演示）", "SCJG", now, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)),
				Map.of("businessScope", "热食类食品制售（演示数据）", "premisesAddress", "深圳市福田区演示路1号", "seats", 48),
				"APP-bench", "CASE-bench", "44030000SCJG-XK-0001", 4242, null)).jws();
		String qr = CompactPayload.encode(jws);
		BitstringStatusList revoked = BitstringStatusList.empty().set(7);
		String revocation = signer.signStatusList("SCJG", "revocation", revoked, now, 60_000);
		String suspension = signer.signStatusList("SCJG", "suspension", BitstringStatusList.empty(), now, 60_000);
		OfflineVerifier offline = OfflineVerifier.of(keys.publicJwks().toString(), List.of(revocation, suspension),
				now);
		if (!offline.verify(jws, now).valid() || !offline.verify(qr, now).valid()) {
			throw new IllegalStateException("benchmark credential does not verify: " + offline.verify(jws, now));
		}

		JWSObject parsed = JWSObject.parse(jws);
		ECPublicKey publicKey = keys.activeKey("SCJG").toECPublicKey();
		byte[] signingInput = parsed.getSigningInput();
		byte[] der = ECDSA.transcodeSignatureToDER(parsed.getSignature().decode());
		Supplier<Boolean> raw = () -> {
			try {
				Signature verifier = Signature.getInstance("SHA256withECDSA");
				verifier.initVerify(publicKey);
				verifier.update(signingInput);
				return verifier.verify(der);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};

		String cpu = Files.exists(Path.of("/proc/cpuinfo")) ? Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter(l -> l.startsWith("model name"))
			.findFirst()
			.map(l -> l.substring(l.indexOf(':') + 1).trim())
			.orElse("?") : "?";
		String load = Files.exists(Path.of("/proc/loadavg")) ? Files.readString(Path.of("/proc/loadavg")).trim() : "?";
		// warm-up, then three interleaved rounds (other processes share the cores); the median round counts
		measure(raw, window);
		measure(() -> offline.verify(jws, now).valid(), window);
		measure(() -> offline.verify(qr, now).valid(), window);
		double[][] rounds = new double[3][3];
		for (int round = 0; round < 3; round++) {
			rounds[0][round] = measure(raw, window);
			rounds[1][round] = measure(() -> offline.verify(jws, now).valid(), window);
			rounds[2][round] = measure(() -> offline.verify(qr, now).valid(), window);
		}
		double rawRate = median(rounds[0]);
		double jwsRate = median(rounds[1]);
		double qrRate = median(rounds[2]);

		String report = String.format("""
				# Licence verification benchmark

				- when: %s
				- machine: %d cores available, %s, Java %s (%s)
				- single thread, %d s windows after a warm-up, median of three interleaved rounds; rates are per
				  second of the thread's CPU time (the machine is shared, wall-clock rates would measure the neighbours)
				- load average at start: %s
				- credential: %d chars JWS (ES256, vc+jwt), QR payload %d chars

				| operation | verifications per CPU-second | ratio to raw ES256 |
				|---|---:|---:|
				| raw ES256 signature verify (JCA SHA256withECDSA, pre-parsed) | %.0f | 1.00 |
				| full verification of the JWS (parse, JSON, key, signature, issuer, dates, status lists) | %.0f | %.2f |
				| full verification of the QR payload (+ inflate) | %.0f | %.2f |
				""", DateTimeFormatter.ISO_INSTANT.format(Instant.now()), Runtime.getRuntime().availableProcessors(),
				cpu, System.getProperty("java.version"), System.getProperty("java.vm.name"), window.toSeconds(), load,
				jws.length(), qr.length(), rawRate, jwsRate, jwsRate / rawRate, qrRate, qrRate / rawRate);
		System.out.println(report);
		System.out.printf("RATIO verify(JWS)/raw ES256 = %.2f, verify(QR)/raw ES256 = %.2f%n", jwsRate / rawRate,
				qrRate / rawRate);
		Path dir = Files.isDirectory(Path.of("license-service")) ? Path.of("license-service", "benchmarks")
				: Path.of("benchmarks");
		Files.createDirectories(dir);
		Path file = dir.resolve("verification-"
				+ DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()) + ".md");
		Files.writeString(file, report, StandardCharsets.UTF_8);
		System.out.println("written " + file.toAbsolutePath());
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		java.util.Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
		.getThreadMXBean();

	/**
	 * Operations per second of this thread's CPU time, not wall time: other processes share the cores, and CPU
	 * time is what one verification costs regardless of them.
	 */
	private static double measure(Supplier<Boolean> operation, Duration window) {
		long end = System.nanoTime() + window.toNanos();
		long count = 0;
		long cpuStart = THREADS.getCurrentThreadCpuTime();
		while (System.nanoTime() < end) {
			for (int i = 0; i < 20; i++) {
				if (!operation.get()) {
					throw new IllegalStateException("verification failed during the benchmark");
				}
			}
			count += 20;
		}
		return count / ((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
	}

}
