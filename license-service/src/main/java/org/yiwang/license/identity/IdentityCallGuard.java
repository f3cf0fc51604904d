package org.yiwang.license.identity;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.yiwang.shared.web.Correlation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * How license-service calls identity-service, in one place: {@code Retry(CircuitBreaker(TimeLimiter(call)))} with
 * the {@code platform.license.identity.*} settings, one named circuit per kind of question (so a failing check does
 * not open the circuit of licence issuance), bound to Micrometer, the correlation id carried into the worker thread.
 * The callers decide what a failure means for them.
 */
final class IdentityCallGuard {

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final TimeLimiter timeLimiter;

	private final ExecutorService executor;

	IdentityCallGuard(String name, IdentityClientProperties properties, ObjectProvider<MeterRegistry> meters) {
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
		this.circuitBreaker = breakers.circuitBreaker(name);
		this.retry = retries.retry(name);
		this.timeLimiter = TimeLimiter
			.of(TimeLimiterConfig.custom().timeoutDuration(properties.timeout()).cancelRunningFuture(true).build());
		// resilience4j.circuitbreaker.state{name=<name>}, resilience4j.retry.calls{name=<name>}
		meters.ifAvailable(registry -> {
			TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
			TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
		});
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(0, 32, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
			Thread thread = new Thread(r, name + "-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** A client for identity-service: its connect timeout, a read timeout of twice the time limit (only to free threads). */
	static RestClient.Builder client(String identityUri, IdentityClientProperties properties) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				java.net.http.HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
		requests.setReadTimeout(properties.timeout().multipliedBy(2));
		return RestClient.builder()
			.baseUrl(identityUri)
			.requestFactory(requests)
			.requestInterceptor(Correlation.propagating());
	}

	/**
	 * Runs the call guarded; throws {@link CallNotPermittedException} (circuit open),
	 * {@link java.util.concurrent.TimeoutException} (time limit) or the call's own failure.
	 */
	<T> T call(Callable<T> call) throws Exception {
		String correlation = Correlation.current();
		Callable<T> carried = () -> {
			try (Correlation.Scope scope = Correlation.open(correlation, null)) {
				return call.call();
			}
		};
		Callable<T> limited = timeLimiter.decorateFutureSupplier(() -> executor.submit(carried));
		return Retry.decorateCallable(retry, CircuitBreaker.decorateCallable(circuitBreaker, limited)).call();
	}

	/** The circuit state, for diagnostics and tests. */
	String state() {
		return circuitBreaker.getState().name();
	}

	void shutdown() {
		executor.shutdownNow();
	}

}
