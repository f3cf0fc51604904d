package org.yiwang.bench.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class RawEs256Test {

	@Test
	void verifiesItsOwnJwsAndRejectsATamperedOne() {
		RawEs256 raw = new RawEs256(1500);
		String jws = raw.jws();
		String[] parts = jws.split("\\.");

		assertThat(parts).hasSize(3);
		assertThat(Base64.getUrlDecoder().decode(parts[1])).hasSize(1500);
		assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(64);
		assertThat(raw.verify(jws)).isTrue();

		String otherPayload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"sub\":\"someone else\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(raw.verify(parts[0] + "." + otherPayload + "." + parts[2])).isFalse();
		assertThat(raw.verify("not a jws")).isFalse();
	}

	@Test
	void measuresEveryVerificationOnEveryThread() {
		RawEs256.Rate rate = new RawEs256(800).measure(20, 2);

		assertThat(rate.verifications()).isEqualTo(40);
		assertThat(rate.invalid()).isZero();
		assertThat(rate.threads()).isEqualTo(2);
	}

	@Test
	void takesThePayloadSizeOfARealCredential() {
		String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[1234]);

		assertThat(VerifyVsRaw.payloadBytes("eyJhbGciOiJFUzI1NiJ9." + payload + ".c2ln")).isEqualTo(1234);
		assertThat(VerifyVsRaw.payloadBytes("garbage")).isEqualTo(VerifyVsRaw.DEFAULT_PAYLOAD_BYTES);
	}

}
