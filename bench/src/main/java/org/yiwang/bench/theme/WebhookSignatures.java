package org.yiwang.bench.theme;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a department system checks on every webhook delivery, as the platform documents it:
 * {@code X-Yiwang-Signature: v1=hex(HMAC-SHA256(secret, "<X-Yiwang-Timestamp>.<body>"))}, compared in constant
 * time, and a timestamp no further than the tolerance from now (replay protection).
 */
final class WebhookSignatures {

	static final String SIGNATURE = "X-Yiwang-Signature";

	static final String TIMESTAMP = "X-Yiwang-Timestamp";

	static final String EVENT_ID = "X-Yiwang-Event-Id";

	static final String EVENT_TYPE = "X-Yiwang-Event-Type";

	static final long TOLERANCE_SECONDS = 300;

	private WebhookSignatures() {
	}

	static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "v1=" + HexFormat.of()
				.formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	static boolean verify(String secret, String timestampHeader, String body, String signatureHeader,
			long nowEpochSeconds) {
		if (secret == null || timestampHeader == null || signatureHeader == null || body == null) {
			return false;
		}
		long timestamp;
		try {
			timestamp = Long.parseLong(timestampHeader.trim());
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (Math.abs(nowEpochSeconds - timestamp) > TOLERANCE_SECONDS) {
			return false;
		}
		byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.UTF_8));
	}

}
