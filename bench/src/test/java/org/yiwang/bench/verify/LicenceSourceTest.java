package org.yiwang.bench.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class LicenceSourceTest {

	@Test
	void readsTheSubjectOfAToken() {
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		String token = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
				+ b64.encodeToString("{\"sub\":\"5f1c-zhangsan\",\"preferred_username\":\"zhangsan\"}"
					.getBytes(StandardCharsets.UTF_8))
				+ ".signature";

		assertThat(LicenceSource.subject(token)).isEqualTo("5f1c-zhangsan");
		assertThat(LicenceSource.subject("not-a-token")).isNull();
	}

	@Test
	void asksOnlyLoopbackAddresses() {
		assertThatThrownBy(() -> new LicenceSource("http://203.0.113.7:8080", Duration.ofSeconds(1)))
			.hasMessageContaining("loopback");
		assertThatThrownBy(() -> LicenceSource.latestIssued("203.0.113.7:9092", 10)).hasMessageContaining("loopback");
	}

}
