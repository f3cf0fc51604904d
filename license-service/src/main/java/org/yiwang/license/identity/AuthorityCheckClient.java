package org.yiwang.license.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.license.agent.EnterpriseAuthorityCheck;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * identity-service's {@code GET /api/v1/identity/authorizations/check?enterprise=&agent=} asked about the caller
 * itself with the caller's OWN bearer token (token relay: identity-service lets anyone ask about themselves, so no
 * service account is involved and identity-service sees who asks). Behind Resilience4j,
 * {@code Retry(CircuitBreaker(TimeLimiter(call)))} with the {@code platform.license.identity.*} settings, its own
 * circuit ({@value #NAME}) so that a failing check does not stop licence issuance and vice versa.
 * <p>
 * A 2xx answer and a 4xx refusal are answers ("yes" / "no"); I/O errors, 5xx, the time limit and an open circuit
 * are no answer and become {@link EnterpriseAuthorityCheck.Unavailable} (503). A "yes" is reused for
 * {@code allowed-cache-ttl} (≤ 60 s) per (subject, USCC); a "no" never, so a newly registered representative is
 * let in at once.
 */
@Component
class AuthorityCheckClient implements EnterpriseAuthorityCheck, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuthorityCheckClient.class);

	static final String PATH = "/api/v1/identity/authorizations/check";

	static final String NAME = "identity-service-authorization-check";

	static final Duration MAX_CACHE = Duration.ofSeconds(60);

	private static final int MAX_REMEMBERED = 10_000;

	private final RestClient http;

	private final IdentityCallGuard guard;

	private final Clock clock;

	private final Duration cacheTtl;

	private final Map<String, Instant> allowedUntil = new ConcurrentHashMap<>();

	AuthorityCheckClient(IdentityClientProperties properties, @Value("${platform.peers.identity}") String identityUri,
			ObjectProvider<MeterRegistry> meters, Clock clock) {
		this.http = IdentityCallGuard.client(identityUri, properties).build();
		this.guard = new IdentityCallGuard(NAME, properties, meters);
		this.clock = clock;
		Duration ttl = properties.allowedCacheTtl() == null || properties.allowedCacheTtl().isNegative() ? Duration.ZERO
				: properties.allowedCacheTtl();
		this.cacheTtl = ttl.compareTo(MAX_CACHE) > 0 ? MAX_CACHE : ttl;
	}

	@Override
	public boolean mayActFor(String subject, String uscc) {
		String key = subject + '|' + uscc;
		Instant now = clock.instant();
		Instant until = allowedUntil.get(key);
		if (until != null) {
			if (until.isAfter(now)) {
				return true;
			}
			allowedUntil.remove(key, until);
		}
		String bearer = bearer();
		if (bearer == null) {
			// no user token to relay (not a request of a person): nobody to ask about
			return false;
		}
		boolean allowed;
		try {
			allowed = guard.call(() -> ask(bearer, subject, uscc));
		}
		catch (CallNotPermittedException ex) {
			throw unavailable("its circuit is open");
		}
		catch (TimeoutException ex) {
			throw unavailable("it did not answer in time");
		}
		catch (Exception ex) {
			log.warn("identity-service could not check subject {} for enterprise {}: {}", subject, uscc,
					ex.getClass().getSimpleName());
			throw unavailable("it failed (" + ex.getClass().getSimpleName() + ")");
		}
		if (allowed && !cacheTtl.isZero()) {
			if (allowedUntil.size() >= MAX_REMEMBERED) {
				allowedUntil.entrySet().removeIf(e -> !e.getValue().isAfter(now));
			}
			if (allowedUntil.size() < MAX_REMEMBERED) {
				allowedUntil.put(key, now.plus(cacheTtl));
			}
		}
		return allowed;
	}

	/** The circuit state, for diagnostics and tests. */
	String state() {
		return guard.state();
	}

	private boolean ask(String bearer, String subject, String uscc) {
		Check answer = http.get()
			.uri(uri -> uri.path(PATH).queryParam("enterprise", uscc).queryParam("agent", subject).build())
			.accept(MediaType.APPLICATION_JSON)
			.headers(h -> h.setBearerAuth(bearer))
			.exchange((request, response) -> {
				HttpStatusCode status = response.getStatusCode();
				if (status.is4xxClientError()) {
					// a definite refusal (e.g. identity-service does not accept the token): not a failure of the peer
					log.info("identity-service refused the authorisation check of subject {} for enterprise {}: {}",
							subject, uscc, status.value());
					return new Check(false, null);
				}
				if (!status.is2xxSuccessful()) {
					throw new IllegalStateException("identity-service answered " + status.value());
				}
				return response.bodyTo(Check.class);
			});
		if (answer == null) {
			throw new IllegalStateException("identity-service answered without a body");
		}
		return answer.allowed();
	}

	private static String bearer() {
		return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
				? token.getToken().getTokenValue() : null;
	}

	private static EnterpriseAuthorityCheck.Unavailable unavailable(String why) {
		return new EnterpriseAuthorityCheck.Unavailable(
				"identity-service is unavailable (" + why + "); whether you may act for this enterprise cannot be "
						+ "checked now, please try again later");
	}

	@Override
	public void destroy() {
		guard.shutdown();
	}

	/**
	 * identity-service's answer (other fields ignored).
	 *
	 * @param allowed whether the subject may act for the enterprise
	 * @param basis {@code LEGAL_REPRESENTATIVE}, {@code AUTHORIZATION} or null
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Check(boolean allowed, String basis) {
	}

}
