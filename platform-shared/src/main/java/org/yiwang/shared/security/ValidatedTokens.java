package org.yiwang.shared.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Bearer tokens that passed validation (signature, issuer, audience, lifetime), remembered until they expire (at most
 * {@code maxAge}), so the many requests a caller makes with one token are not each decoded and verified again.
 * <p>
 * Measured: in the gateway, decoding the token (Nimbus' constant-time Base64) and verifying its RS256 signature took
 * 44% of the CPU of a proxied GET; a user or department system sends hundreds of requests with one token. The key is
 * the whole compact token, signature included, so a token altered in any byte is a different key and validated
 * afresh; failures are never remembered; an entry leaves at the token's {@code exp} (the validator's clock skew is
 * not extended). Bounded in size; per process. The reactive form (the gateway) is {@link ReactiveValidatedTokens}.
 */
public final class ValidatedTokens {

	private final Cache<String, Jwt> cache;

	private final Clock clock;

	public ValidatedTokens(long maximumSize, Duration maxAge, Clock clock) {
		this.clock = clock;
		this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfter(new Expiry<String, Jwt>() {
			@Override
			public long expireAfterCreate(String token, Jwt jwt, long currentTime) {
				Instant now = clock.instant();
				Instant until = jwt.getExpiresAt() == null ? now : jwt.getExpiresAt();
				long left = Duration.between(now, until).toNanos();
				return Math.max(0, Math.min(left, maxAge.toNanos()));
			}

			@Override
			public long expireAfterUpdate(String token, Jwt jwt, long currentTime, long currentDuration) {
				return currentDuration;
			}

			@Override
			public long expireAfterRead(String token, Jwt jwt, long currentTime, long currentDuration) {
				return currentDuration;
			}
		}).build();
	}

	/** A remembered, still unexpired token, or null. */
	public Jwt get(String token) {
		Jwt jwt = cache.getIfPresent(token);
		if (jwt == null) {
			return null;
		}
		if (jwt.getExpiresAt() == null || !jwt.getExpiresAt().isAfter(clock.instant())) {
			cache.invalidate(token);
			return null;
		}
		return jwt;
	}

	public void remember(String token, Jwt jwt) {
		if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isAfter(clock.instant())) {
			cache.put(token, jwt);
		}
	}

	public JwtDecoder decorate(JwtDecoder delegate) {
		return token -> {
			Jwt known = get(token);
			if (known != null) {
				return known;
			}
			Jwt jwt = delegate.decode(token);
			remember(token, jwt);
			return jwt;
		};
	}

	/** For tests: how many tokens are remembered. */
	long size() {
		cache.cleanUp();
		return cache.estimatedSize();
	}

}
