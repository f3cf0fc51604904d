package org.yiwang.exchange.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Wraps every call to a provider API in Resilience4j, per provider department:
 * {@code Retry(Bulkhead(CircuitBreaker(TimeLimiter(call))))}. The time limit bounds how long a consumer waits;
 * retry repeats an idempotent read once more on I/O errors, 5xx and timeouts; the circuit breaker stops calling a
 * failing or slow provider and lets trial calls through after {@code waitInOpenState}; the bulkhead keeps one
 * provider from using up all threads. The registries are our own (not the Spring Cloud / Boot 3 auto-configured
 * ones) so their settings come only from {@link ProviderProperties}; they are bound to Micrometer
 * ({@code resilience4j.circuitbreaker.state} etc., tag {@code name=provider-<DEPT>}). Every refusal says when to
 * ask again ({@code Retry-After}): the rest of the open state when the circuit is open, else
 * {@code exchange.providers.retry-after}.
 */
@Component
public class ProviderResilience implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ProviderResilience.class);

	private final CircuitBreakerRegistry circuitBreakers;

	private final RetryRegistry retries;

	private final TimeLimiterRegistry timeLimiters;

	private final BulkheadRegistry bulkheads;

	private final ExecutorService executor;

	private final Duration waitInOpenState;

	private final Duration retryAfter;

	/** When each provider's circuit last opened (Resilience4j's own clock is the system clock). */
	private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();

	ProviderResilience(ProviderProperties properties, ObjectProvider<MeterRegistry> meters) {
		this.waitInOpenState = properties.waitInOpenState();
		this.retryAfter = properties.retryAfter();
		this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumCalls())
			.failureRateThreshold(properties.failureRateThreshold())
			.slowCallDurationThreshold(properties.slowCallThreshold())
			.slowCallRateThreshold(properties.slowCallRateThreshold())
			.waitDurationInOpenState(properties.waitInOpenState())
			.permittedNumberOfCallsInHalfOpenState(properties.permittedCallsInHalfOpenState())
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.ignoreExceptions(SubjectNotFoundException.class, BulkheadFullException.class)
			.build());
		this.circuitBreakers.getEventPublisher()
			.onEntryAdded(added -> added.getAddedEntry().getEventPublisher().onStateTransition(event -> {
				if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
					openedAt.put(event.getCircuitBreakerName(), Instant.now());
				}
			}));
		this.retries = RetryRegistry.of(RetryConfig.custom()
			.maxAttempts(properties.retryAttempts())
			.waitDuration(properties.retryWait())
			.retryExceptions(ProviderFailure.class, TimeoutException.class)
			.ignoreExceptions(SubjectNotFoundException.class, CallNotPermittedException.class,
					BulkheadFullException.class)
			.build());
		this.timeLimiters = TimeLimiterRegistry
			.of(TimeLimiterConfig.custom().timeoutDuration(properties.timeout()).cancelRunningFuture(true).build());
		this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
			.maxConcurrentCalls(properties.maxConcurrentCalls())
			.maxWaitDuration(properties.maxWaitForPermit())
			.build());
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(0, 200, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
			Thread thread = new Thread(r, "provider-call-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		meters.ifAvailable(registry -> {
			TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(registry);
			TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
			TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
		});
	}

	static String name(String provider) {
		return "provider-" + provider;
	}

	/**
	 * Runs the call under the provider's protections; translates every way of not getting an answer into
	 * {@link ProviderUnavailableException}. {@link SubjectNotFoundException} passes through.
	 */
	public <T> T call(String provider, Callable<T> call) {
		String name = name(provider);
		CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(name);
		Bulkhead bulkhead = bulkheads.bulkhead(name);
		TimeLimiter timeLimiter = timeLimiters.timeLimiter(name);
		Retry retry = retries.retry(name);
		Callable<T> limited = timeLimiter.decorateFutureSupplier(() -> submit(call));
		// a caller turned away by the bulkhead never reaches the circuit breaker: busy is not broken
		Callable<T> protectedCall = Retry.decorateCallable(retry,
				Bulkhead.decorateCallable(bulkhead, CircuitBreaker.decorateCallable(circuitBreaker, limited)));
		try {
			return protectedCall.call();
		}
		catch (SubjectNotFoundException ex) {
			throw ex;
		}
		catch (CallNotPermittedException ex) {
			throw new ProviderUnavailableException(provider,
					"provider " + provider + " is unavailable (circuit open); try again later", openRemainder(name));
		}
		catch (BulkheadFullException ex) {
			throw unavailable(provider, "provider " + provider + " is busy; try again later");
		}
		catch (TimeoutException ex) {
			log.warn("provider {} did not answer within the time limit", provider);
			throw unavailable(provider, "provider " + provider + " did not answer in time");
		}
		catch (ProviderFailure ex) {
			log.warn("provider {} failed: {}", provider, ex.getMessage());
			throw unavailable(provider, "provider " + provider + " failed to answer");
		}
		catch (Exception ex) {
			log.warn("provider {} call failed: {}", provider, ex.toString());
			throw unavailable(provider, "provider " + provider + " failed to answer");
		}
	}

	/** A 503 for the provider with the default {@code Retry-After} (the circuit is not open). */
	public ProviderUnavailableException unavailable(String provider, String detail) {
		return new ProviderUnavailableException(provider, detail, seconds(retryAfter));
	}

	/** Seconds until the open circuit lets trial calls through (at least 1). */
	private long openRemainder(String name) {
		Instant opened = openedAt.get(name);
		if (opened == null) {
			return seconds(waitInOpenState);
		}
		Duration left = Duration.between(Instant.now(), opened.plus(waitInOpenState));
		return left.isNegative() ? 1 : seconds(left);
	}

	private static long seconds(Duration duration) {
		long millis = duration.toMillis();
		return Math.max(1, (millis + 999) / 1000);
	}

	private <T> Future<T> submit(Callable<T> call) {
		return executor.submit(call);
	}

	public CircuitBreaker.State state(String provider) {
		return circuitBreakers.circuitBreaker(name(provider)).getState();
	}

	/** Each known provider's circuit and bulkhead, for operators. */
	public List<Map<String, Object>> status() {
		return circuitBreakers.getAllCircuitBreakers().stream().sorted((a, b) -> a.getName().compareTo(b.getName())).map(cb -> {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("provider", cb.getName().substring("provider-".length()));
			view.put("circuitState", cb.getState().name());
			view.put("failureRate", cb.getMetrics().getFailureRate());
			view.put("slowCallRate", cb.getMetrics().getSlowCallRate());
			view.put("bufferedCalls", cb.getMetrics().getNumberOfBufferedCalls());
			view.put("notPermittedCalls", cb.getMetrics().getNumberOfNotPermittedCalls());
			view.put("availableConcurrentCalls",
					bulkheads.bulkhead(cb.getName()).getMetrics().getAvailableConcurrentCalls());
			return view;
		}).toList();
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}

}
