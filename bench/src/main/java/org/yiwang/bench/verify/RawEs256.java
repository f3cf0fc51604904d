package org.yiwang.bench.verify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The floor under licence verification: plain JCA ES256 on a compact JWS of a licence's size — split, decode the
 * signature, {@code SHA256withECDSAinP1363Format} (JWS carries R‖S, not DER) — nothing else.
 */
public final class RawEs256 {

	private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

	private final PublicKey publicKey;

	private final String jws;

	/** @param payloadBytes the size of the JWS payload (before base64url), e.g. that of a real licence's */
	public RawEs256(int payloadBytes) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			KeyPair key = generator.generateKeyPair();
			this.publicKey = key.getPublic();
			String header = ENCODE.encodeToString(
					"{\"alg\":\"ES256\",\"typ\":\"vc+jwt\",\"kid\":\"SCJG-bench-1\"}".getBytes(StandardCharsets.UTF_8));
			String payload = ENCODE.encodeToString(payload(payloadBytes).getBytes(StandardCharsets.UTF_8));
			Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
			signer.initSign(key.getPrivate());
			signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
			this.jws = header + "." + payload + "." + ENCODE.encodeToString(signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("no ES256 on this JVM", ex);
		}
	}

	public String jws() {
		return jws;
	}

	/** Whether {@code compact} carries a valid signature of this key. */
	public boolean verify(String compact) {
		int firstDot = compact.indexOf('.');
		int lastDot = compact.lastIndexOf('.');
		if (firstDot < 0 || lastDot == firstDot) {
			return false;
		}
		try {
			Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
			verifier.initVerify(publicKey);
			verifier.update(compact.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
			return verifier.verify(DECODE.decode(compact.substring(lastDot + 1)));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Verifies the JWS {@code perThread} times on each of {@code threads} threads.
	 * @return verifications per second over all threads
	 */
	public Rate measure(int perThread, int threads) {
		AtomicInteger invalid = new AtomicInteger();
		List<Thread> workers = new ArrayList<>();
		long begin = System.nanoTime();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				for (int i = 0; i < perThread; i++) {
					if (!verify(jws)) {
						invalid.incrementAndGet();
					}
				}
			}, "raw-es256-" + t);
			workers.add(worker);
			worker.start();
		}
		for (Thread worker : workers) {
			try {
				worker.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted", ex);
			}
		}
		long nanos = System.nanoTime() - begin;
		long total = (long) perThread * threads;
		return new Rate(threads, total, nanos / 1_000_000, total * 1e9 / nanos, invalid.get());
	}

	/** Claims shaped like a licence credential, padded to {@code bytes}. */
	static String payload(int bytes) {
		long now = Instant.now().getEpochSecond();
		String claims = "{\"iss\":\"https://yiwang.example/issuers/SCJG\",\"sub\":\"91440300MA5XXXXXXX\",\"jti\":\"YYZZ-SCJG-2026-000001-X\","
				+ "\"iat\":" + now + ",\"nbf\":" + now + ",\"exp\":" + (now + 94_608_000L)
				+ ",\"vc\":{\"type\":[\"VerifiableCredential\",\"License\"],\"credentialSubject\":{\"licenceType\":\"YYZZ\","
				+ "\"holderName\":\"深圳市示例餐饮管理有限公司\",\"fields\":{\"address\":\"深圳市福田区示例路1号\"}},"
				+ "\"credentialStatus\":{\"type\":\"BitstringStatusListEntry\",\"statusListIndex\":\"4242\"}},\"pad\":\"";
		int missing = bytes - claims.getBytes(StandardCharsets.UTF_8).length - 2;
		return claims + "x".repeat(Math.max(0, missing)) + "\"}";
	}

	/**
	 * @param threads verifying threads
	 * @param verifications over all threads
	 * @param elapsedMillis wall time
	 * @param perSecond verifications per second
	 * @param invalid verifications that failed (must be 0)
	 */
	public record Rate(int threads, long verifications, long elapsedMillis, double perSecond, int invalid) {
	}

}
