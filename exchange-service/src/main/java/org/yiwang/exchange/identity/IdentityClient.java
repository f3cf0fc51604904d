package org.yiwang.exchange.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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
import org.yiwang.exchange.subject.IdNumber;
import org.yiwang.exchange.subject.Masking;
import org.yiwang.shared.client.ServiceTokenUnavailableException;
import org.yiwang.shared.client.ServiceTokens;
import org.yiwang.shared.web.Correlation;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The exchange's two questions to identity-service, behind Resilience4j {@code Retry(CircuitBreaker(TimeLimiter(call)))}
 * (one circuit, {@value #NAME}, visible in Micrometer):
 * <ul>
 * <li>whose ID number a login subject is — {@code POST /api/v1/identity/subject-resolutions} as the exchange's own
 * client {@code svc-exchange} ({@link ServiceTokens}); a 404 (no person bound) is an answer: nobody;</li>
 * <li>whether a caller may act for an enterprise — {@code GET /api/v1/identity/authorizations/check} with the
 * CALLER's own bearer token (token relay: identity-service lets anyone ask about themselves and sees who asks); a
 * 4xx is a "no".</li>
 * </ul>
 * Every way of getting no answer (I/O error, 5xx, time limit, open circuit, no service token) is an
 * {@link IdentityUnavailableException} (503). A resolved number is reused per subject for
 * {@code exchange.identity.resolution-cache-ttl} (≤ 5 min); "nobody" and authorisations are never cached, so a newly
 * bound person or a new authorisation counts at once. The plain number is never logged.
 */
@Component
public class IdentityClient implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(IdentityClient.class);

	static final String RESOLUTIONS = "/api/v1/identity/subject-resolutions";

	static final String CHECK = "/api/v1/identity/authorizations/check";

	static final String NAME = "identity-service";

	private static final int MAX_REMEMBERED = 10_000;

	private final RestClient http;

	private final ServiceTokens serviceTokens;

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final TimeLimiter timeLimiter;

	private final ExecutorService executor;

	private final Clock clock;

	private final Duration cacheTtl;

	private final long retryAfterSeconds;

	private final Map<String, Resolved> resolved = new ConcurrentHashMap<>();

	IdentityClient(IdentityProperties properties, ServiceTokens serviceTokens,
			@Value("${platform.peers.identity}") String identityUri, ObjectProvider<MeterRegistry> meters, Clock clock) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				java.net.http.HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
		// the TimeLimiter decides when a caller stops waiting; this only frees the calling thread eventually
		requests.setReadTimeout(properties.timeout().multipliedBy(2));
		this.http = RestClient.builder().baseUrl(identityUri).requestFactory(requests).build();
		this.serviceTokens = serviceTokens;
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumCalls())
			.failureRateThreshold(properties.failureRateThreshold())
			.waitDurationInOpenState(properties.waitInOpenState())
			.build());
		RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
			.maxAttempts(properties.retryAttempts())
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
			Thread thread = new Thread(r, "identity-call-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.clock = clock;
		this.cacheTtl = properties.resolutionCacheTtl();
		long millis = properties.retryAfter().toMillis();
		this.retryAfterSeconds = Math.max(1, (millis + 999) / 1000);
	}

	/** The verified ID number of the person bound to the login subject; empty when identity-service knows none. */
	public Optional<String> idNumberOf(String subject) {
		Instant now = clock.instant();
		Resolved known = resolved.get(subject);
		if (known != null) {
			if (known.until().isAfter(now)) {
				return Optional.of(known.idNumber());
			}
			resolved.remove(subject, known);
		}
		String token;
		try {
			token = serviceTokens.accessToken();
		}
		catch (ServiceTokenUnavailableException ex) {
			// not identity-service's fault: does not count against its circuit
			log.warn("no service token to ask identity-service about subject {}: {}", subject, ex.getMessage());
			throw unavailable("the exchange could not authenticate (token service unavailable)");
		}
		Optional<String> number = protect(subject, () -> resolve(subject, token));
		number.ifPresent(value -> remember(subject, value, now));
		return number;
	}

	/**
	 * Whether the caller (subject, whose own bearer token is relayed) may act for the enterprise: its legal
	 * representative or authorised by it.
	 */
	public boolean mayActFor(String subject, String uscc, String callerToken) {
		return protect(subject, () -> check(subject, uscc, callerToken));
	}

	/** The circuit state, for diagnostics and tests. */
	public CircuitBreaker.State state() {
		return circuitBreaker.getState();
	}

	private <T> T protect(String subject, Callable<T> question) {
		String correlation = Correlation.current();
		Callable<T> call = () -> {
			try (Correlation.Scope scope = Correlation.open(correlation, null)) {
				return question.call();
			}
		};
		Callable<T> limited = timeLimiter.decorateFutureSupplier(() -> executor.submit(call));
		Callable<T> protectedCall = Retry.decorateCallable(retry,
				CircuitBreaker.decorateCallable(circuitBreaker, limited));
		try {
			return protectedCall.call();
		}
		catch (CallNotPermittedException ex) {
			throw unavailable("its circuit is open");
		}
		catch (TimeoutException ex) {
			log.warn("identity-service did not answer about subject {} in time", subject);
			throw unavailable("it did not answer in time");
		}
		catch (Exception ex) {
			// the class only: a parse error's message could quote the answer, which holds the plain number
			log.warn("identity-service could not answer about subject {}: {}", subject,
					ex instanceof IllegalStateException ? ex.getMessage() : ex.getClass().getSimpleName());
			throw unavailable("it failed to answer");
		}
	}

	private Optional<String> resolve(String subject, String token) {
		Resolution answer = http.post()
			.uri(RESOLUTIONS)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.headers(h -> {
				h.setBearerAuth(token);
				h.set(Correlation.HEADER, Correlation.currentOrNew());
			})
			.body(Map.of("subject", subject))
			.exchange((request, response) -> {
				HttpStatusCode status = response.getStatusCode();
				if (status.value() == 404) {
					return null;
				}
				if (status.value() == 401) {
					// revoked token or rotated keys: a fresh one next time
					serviceTokens.invalidate();
				}
				if (!status.is2xxSuccessful()) {
					throw new IllegalStateException("identity-service answered " + status.value());
				}
				return response.bodyTo(Resolution.class);
			});
		if (answer == null) {
			log.info("identity-service knows no person bound to subject {}", subject);
			return Optional.empty();
		}
		if (answer.idNumber() == null || !IdNumber.isValid(answer.idNumber())) {
			throw new IllegalStateException("identity-service answered without a valid ID number");
		}
		log.debug("subject {} is the person {}", subject, Masking.mask(answer.idNumber()));
		return Optional.of(answer.idNumber());
	}

	private boolean check(String subject, String uscc, String callerToken) {
		Check answer = http.get()
			.uri(uri -> uri.path(CHECK).queryParam("enterprise", uscc).queryParam("agent", subject).build())
			.accept(MediaType.APPLICATION_JSON)
			.headers(h -> {
				h.setBearerAuth(callerToken);
				h.set(Correlation.HEADER, Correlation.currentOrNew());
			})
			.exchange((request, response) -> {
				HttpStatusCode status = response.getStatusCode();
				if (status.is4xxClientError()) {
					// a definite refusal (e.g. the caller's token is not accepted): an answer, not a failure
					log.info("identity-service refused the authorisation check of subject {} for enterprise {}: {}",
							subject, Masking.mask(uscc), status.value());
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

	private void remember(String subject, String idNumber, Instant now) {
		if (cacheTtl.isZero()) {
			return;
		}
		if (resolved.size() >= MAX_REMEMBERED) {
			resolved.entrySet().removeIf(e -> !e.getValue().until().isAfter(now));
		}
		if (resolved.size() < MAX_REMEMBERED) {
			resolved.put(subject, new Resolved(idNumber, now.plus(cacheTtl)));
		}
	}

	private IdentityUnavailableException unavailable(String why) {
		return new IdentityUnavailableException("identity-service is unavailable (" + why + "); whose data you are "
				+ "cannot be established now, please try again later", retryAfterSeconds);
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}

	private record Resolved(String idNumber, Instant until) {

		@Override
		public String toString() {
			return "Resolved[" + Masking.mask(idNumber) + "]";
		}

	}

	/** identity-service's resolution (other fields ignored); the plain number never in a toString. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Resolution(String subject, String username, String name, String idNumber, String idNumberMasked,
			String assuranceLevel) {

		@Override
		public String toString() {
			return "Resolution[" + subject + ", " + idNumberMasked + "]";
		}

	}

	/** identity-service's authorisation check: allowed, and on what basis (legal representative, authorisation). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Check(boolean allowed, String basis) {
	}

}
