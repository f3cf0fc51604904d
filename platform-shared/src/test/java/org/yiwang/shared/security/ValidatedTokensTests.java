package org.yiwang.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValidatedTokensTests {

	private final AtomicInteger validations = new AtomicInteger();

	private Instant now = Instant.parse("2026-12-03T10:00:00Z");

	private final Clock clock = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	};

	/** Accepts "good.<n>" tokens expiring 60 s after now, refuses everything else. */
	private final JwtDecoder validator = token -> {
		validations.incrementAndGet();
		if (!token.startsWith("good.")) {
			throw new BadJwtException("bad signature");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("zhangsan")
			.issuedAt(now)
			.expiresAt(now.plusSeconds(60))
			.build();
	};

	@Test
	void aValidTokenIsValidatedOnceAndServedUntilItExpires() {
		JwtDecoder decoder = new ValidatedTokens(100, Duration.ofMinutes(5), clock).decorate(validator);
		decoder.decode("good.1");
		decoder.decode("good.1");
		decoder.decode("good.1");
		assertThat(validations).hasValue(1);

		now = now.plusSeconds(61);
		assertThat(decoder.decode("good.1")).isNotNull();
		assertThat(validations).hasValue(2);
	}

	@Test
	void anAlteredOrInvalidTokenIsNeverServedFromMemoryAndFailuresAreNotRemembered() {
		JwtDecoder decoder = new ValidatedTokens(100, Duration.ofMinutes(5), clock).decorate(validator);
		decoder.decode("good.1");
		assertThatThrownBy(() -> decoder.decode("good.1x".replace("good", "evil"))).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> decoder.decode("evil.1")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> decoder.decode("evil.1")).isInstanceOf(BadJwtException.class);
		assertThat(validations).hasValue(4);
	}

}
