package org.yiwang.application.peer;

import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.yiwang.shared.client.ServiceTokenUnavailableException;
import org.yiwang.shared.client.ServiceTokens;
import org.yiwang.shared.web.Correlation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The HTTP clients for the peers application-service depends on, each behind its own circuit breaker: a peer that
 * keeps failing is not called for a while, so requests fail fast (503) instead of piling up. Identity and exchange
 * are called with this service's own token (client {@code svc-application}); license-service is called with the
 * applicant's own token, because there the applicant grants the use of their licence.
 */
@Component
@EnableConfigurationProperties(PeerProperties.class)
public class Peers {

	private final RestClient identity;

	private final RestClient identityAsCaller;

	private final RestClient exchange;

	private final RestClient license;

	private final CircuitBreakerRegistry breakers;

	Peers(PeerProperties properties, ServiceTokens tokens, @Value("${platform.peers.identity}") String identityUri,
			@Value("${platform.peers.exchange}") String exchangeUri, @Value("${platform.peers.license}") String licenseUri) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				java.net.http.HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
		requests.setReadTimeout(properties.timeout());
		this.identity = client(identityUri, requests).requestInterceptor(tokens.interceptor()).build();
		this.identityAsCaller = client(identityUri, requests).build();
		this.exchange = client(exchangeUri, requests).requestInterceptor(tokens.interceptor()).build();
		this.license = client(licenseUri, requests).build();
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowSize(properties.slidingWindowSize())
			.minimumNumberOfCalls(properties.minimumCalls())
			.failureRateThreshold(properties.failureRateThreshold())
			.waitDurationInOpenState(properties.waitInOpenState())
			.recordExceptions(ResourceAccessException.class, HttpServerErrorException.class,
					ServiceTokenUnavailableException.class)
			.build());
	}

	private static RestClient.Builder client(String baseUri, JdkClientHttpRequestFactory requests) {
		return RestClient.builder().baseUrl(baseUri).requestFactory(requests).requestInterceptor(Correlation.propagating());
	}

	/** identity-service, called with this service's own token (client svc-application). */
	public RestClient identity() {
		return identity;
	}

	/** identity-service, called with the caller's own token ({@link #callerBearer()}) — questions about themselves. */
	public RestClient identityAsCaller() {
		return identityAsCaller;
	}

	/** exchange-service, called with this service's own token. */
	public RestClient exchange() {
		return exchange;
	}

	/** license-service, called with the caller's own token (the holder grants the use of their licence). */
	public RestClient license() {
		return license;
	}

	/** The bearer token of the current request, for calls made on the caller's behalf; 403 without one. */
	public static String callerBearer() {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
			return token.getToken().getTokenValue();
		}
		throw new org.yiwang.shared.web.ForbiddenException("a bearer token is required");
	}

	/**
	 * Runs a call to {@code peer} under its circuit breaker; I/O errors, 5xx, a missing service token and an open
	 * circuit all become {@link PeerUnavailableException}. 4xx answers pass through for the caller to interpret.
	 */
	public <T> T call(String peer, Supplier<T> call) {
		CircuitBreaker breaker = breakers.circuitBreaker(peer);
		try {
			return breaker.executeSupplier(call);
		}
		catch (CallNotPermittedException ex) {
			throw new PeerUnavailableException(peer + " is unavailable (circuit open); try again shortly");
		}
		catch (ResourceAccessException | HttpServerErrorException | ServiceTokenUnavailableException ex) {
			org.slf4j.LoggerFactory.getLogger(Peers.class).warn("{} call failed: {}", peer, ex.toString());
			throw new PeerUnavailableException(peer + " is unavailable: " + ex.getClass().getSimpleName());
		}
	}

}
