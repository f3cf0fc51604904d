package org.yiwang.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A gateway with a tiny anonymous limit, in a context of its own so other tests keep their budget. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "CATALOG_URI=http://127.0.0.1:1", "platform.gateway.rate-limit.anonymous-per-ip=5" })
@AutoConfigureWebTestClient
class GatewayRateLimitTests {

	@Autowired
	WebTestClient client;

	@Test
	void anonymousCallersAreRateLimitedPerIpWithRetryAfter() {
		int limited = 0;
		for (int i = 0; i < 8; i++) {
			var result = client.get().uri("/api/v1/catalog/themes").exchange().returnResult(String.class);
			if (result.getStatus().value() == 429) {
				limited++;
				org.assertj.core.api.Assertions.assertThat(result.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
			}
		}
		org.assertj.core.api.Assertions.assertThat(limited).isGreaterThanOrEqualTo(2);
	}

}
