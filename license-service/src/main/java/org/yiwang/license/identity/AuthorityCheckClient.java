package org.yiwang.license.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.license.agent.EnterpriseAuthorityCheck;
import org.yiwang.shared.web.Correlation;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
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

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final TimeLimiter timeLimiter;

	private final ExecutorService executor;

	private final Clock clock;

	private final Duration cacheTtl;

	private final Map<String, Instant> allowedUntil = new ConcurrentHashMap<>();

	AuthorityCheckClient(IdentityClientProperties properties, @Value("${platform.peers.identity}") String identityUri,
			ObjectProvider<MeterRegistry> meters, Clock clock) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				java.net.http.HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
		requests.setReadTimeout(properties.timeout().multipliedBy(2));
		this.http = RestClient.builder()
			.baseUrl(identityUri)
			.requestFactory(requests)
			.requestInterceptor(Correlation.propagating())
			.build();
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumCalls())
			.failureRateThreshold(properties.failureRateThreshold())
			.waitDurationInOpenState(properties.waitInOpenState())
			.build());
		RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
			.maxAttempts(Math.max(1, properties.retryAttempts()))
			.waitDuration(properties.retryWait())
			.ignoreExceptions(CallNotPermittedException.class)
			.build());
		this.circuitBreaker = breakers.circuitBreaker(NAME);
		this.retry = retries.retry(NAME);
		this.timeLimiter = TimeLimiter
			.of(TimeLimiterConfig.custom().timeoutDuration(properties.timeout()).cancelRunningFuture(true).build());
		meters.ifAvailable(registry -> {
			TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
			TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
		});
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(0, 32, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
			Thread thread = new Thread(r, "identity-check-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
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
		String correlation = Correlation.current();
		Callable<Boolean> call = () -> {
			try (Correlation.Scope scope = Correlation.open(correlation, null)) {
				return ask(bearer, subject, uscc);
			}
		};
		Callable<Boolean> limited = timeLimiter.decorateFutureSupplier(() -> executor.submit(call));
		Callable<Boolean> protectedCall = Retry.decorateCallable(retry,
				CircuitBreaker.decorateCallable(circuitBreaker, limited));
		boolean allowed;
		try {
			allowed = protectedCall.call();
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
		return circuitBreaker.getState().name();
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
		executor.shutdownNow();
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
