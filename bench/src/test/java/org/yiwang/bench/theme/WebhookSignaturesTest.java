package org.yiwang.bench.theme;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignaturesTest {

	private static final String SECRET = "whsec_0123456789abcdef";

	private static final String BODY = "{\"eventId\":\"e-1\",\"type\":\"application.CaseSubmitted\",\"payload\":{\"caseId\":\"CASE-1\",\"itemName\":\"公共场所卫生许可\"}}";

	@Test
	void acceptsWhatThePlatformSigns() {
		long now = 1_796_290_000L;
		String signature = WebhookSignatures.sign(SECRET, now, BODY);
		assertThat(signature).startsWith("v1=").hasSize(3 + 64);
		assertThat(WebhookSignatures.verify(SECRET, Long.toString(now), BODY, signature, now + 10)).isTrue();
	}

	@Test
	void signsTimestampDotBodyWithHmacSha256() {
		// the reference MAC below reproduces the published HMAC-SHA256 test vector ("key", "The quick brown fox…")
		assertThat(hmac("key", "The quick brown fox jumps over the lazy dog"))
			.isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
		assertThat(WebhookSignatures.sign("key", 7, BODY)).isEqualTo("v1=" + hmac("key", "7." + BODY));
	}

	@Test
	void rejectsAnAlteredBodyAnotherSecretOrAnotherTimestamp() {
		long now = 1_796_290_000L;
		String signature = WebhookSignatures.sign(SECRET, now, BODY);
		assertThat(WebhookSignatures.verify(SECRET, Long.toString(now), BODY.replace("CASE-1", "CASE-2"), signature, now))
			.isFalse();
		assertThat(WebhookSignatures.verify("whsec_other", Long.toString(now), BODY, signature, now)).isFalse();
		assertThat(WebhookSignatures.verify(SECRET, Long.toString(now + 1), BODY, signature, now)).isFalse();
	}

	@Test
	void rejectsTimestampsOutsideTheToleranceAndMissingHeaders() {
		long then = 1_796_290_000L;
		String signature = WebhookSignatures.sign(SECRET, then, BODY);
		assertThat(WebhookSignatures.verify(SECRET, Long.toString(then), BODY, signature, then + 300)).isTrue();
		assertThat(WebhookSignatures.verify(SECRET, Long.toString(then), BODY, signature, then + 301)).isFalse();
		assertThat(WebhookSignatures.verify(SECRET, Long.toString(then), BODY, signature, then - 301)).isFalse();
		assertThat(WebhookSignatures.verify(SECRET, null, BODY, signature, then)).isFalse();
		assertThat(WebhookSignatures.verify(SECRET, "yesterday", BODY, signature, then)).isFalse();
		assertThat(WebhookSignatures.verify(SECRET, Long.toString(then), BODY, null, then)).isFalse();
		assertThat(WebhookSignatures.verify(null, Long.toString(then), BODY, signature, then)).isFalse();
	}

	private static String hmac(String key, String text) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
					"HmacSHA256"));
			return java.util.HexFormat.of()
				.formatHex(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
