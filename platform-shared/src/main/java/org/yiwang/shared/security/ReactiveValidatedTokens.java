package org.yiwang.shared.security;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** {@link ValidatedTokens} for a reactive decoder (kept apart: servlet services have no Reactor on the classpath). */
public final class ReactiveValidatedTokens {

	private ReactiveValidatedTokens() {
	}

	public static ReactiveJwtDecoder decorate(ValidatedTokens tokens, ReactiveJwtDecoder delegate) {
		return token -> {
			Jwt known = tokens.get(token);
			if (known != null) {
				return Mono.just(known);
			}
			return delegate.decode(token).doOnNext(jwt -> tokens.remember(token, jwt));
		};
	}

}
