package org.yiwang.application.department;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How webhook deliveries are signed, and how a receiver verifies them: {@code X-Yiwang-Signature: v1=<hex>} is
 * HMAC-SHA256 with the subscription's secret over {@code <timestamp>.<body>}, {@code X-Yiwang-Timestamp} is the
 * epoch second of the attempt. A receiver rejects a timestamp outside its tolerance (replay protection) and
 * de-duplicates on {@code X-Yiwang-Event-Id} within that window.
 */
public final class WebhookSignature {

	public static final String SIGNATURE = "X-Yiwang-Signature";

	public static final String TIMESTAMP = "X-Yiwang-Timestamp";

	public static final String EVENT_ID = "X-Yiwang-Event-Id";

	public static final String EVENT_TYPE = "X-Yiwang-Event-Type";

	private WebhookSignature() {
	}

	public static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	/** What a receiver does: signature matches (constant time) and the timestamp is within the tolerance. */
	public static boolean verify(String secret, String timestampHeader, String body, String signatureHeader,
			Instant now, Duration tolerance) {
		if (timestampHeader == null || signatureHeader == null) {
			return false;
		}
		long timestamp;
		try {
			timestamp = Long.parseLong(timestampHeader);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
			return false;
		}
		byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(expected, signatureHeader.getBytes(StandardCharsets.UTF_8));
	}

}
