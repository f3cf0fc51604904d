package org.yiwang.application.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.yiwang.shared.web.DomainException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * 法定代表人: the legal representative acts for their enterprise without any authorisation (agents need one, learnt
 * from {@code identity.events}). Who represents which enterprise is identity-service's knowledge, asked with the
 * caller's own token ({@code /me} lists the enterprises a person represents). The answer is remembered for a
 * minute per person (a newly registered enterprise shows within a minute); identity-service being down is a 503,
 * never a silent "no" that would hide a representative's own applications.
 */
@Component
public class LegalRepresentatives {

	static final Duration REMEMBER = Duration.ofSeconds(60);

	private final RestClient identity;

	private final CircuitBreaker breaker;

	private final Clock clock;

	private final Map<String, Remembered> represented = new ConcurrentHashMap<>();

	LegalRepresentatives(@Value("${platform.peers.identity}") String identityUri,
			@Value("${application.peers.timeout:3s}") Duration timeout, Clock clock) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				java.net.http.HttpClient.newBuilder().connectTimeout(timeout).build());
		requests.setReadTimeout(timeout);
		this.identity = RestClient.builder().baseUrl(identityUri).requestFactory(requests).build();
		this.breaker = CircuitBreaker.of("identity-service-me", CircuitBreakerConfig.custom()
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.waitDurationInOpenState(Duration.ofSeconds(20))
			.recordExceptions(ResourceAccessException.class, HttpServerErrorException.class)
			.build());
		this.clock = clock;
	}

	/** Whether the caller of the current request is the legal representative of the enterprise. */
	public boolean represents(String subject, String uscc) {
		return enterprisesRepresented(subject).stream().anyMatch(e -> e.uscc().equals(uscc));
	}

	/** The represented enterprise's registered name, if the caller represents it. */
	public java.util.Optional<String> name(String subject, String uscc) {
		return enterprisesRepresented(subject).stream().filter(e -> e.uscc().equals(uscc)).map(Enterprise::name).findFirst();
	}

	/** The enterprises the caller of the current request represents (empty outside a request with a token). */
	public List<Enterprise> enterprisesRepresented(String subject) {
		Remembered known = represented.get(subject);
		Instant now = clock.instant();
		if (known != null && known.until().isAfter(now)) {
			return known.enterprises();
		}
		String bearer = bearer();
		if (bearer == null) {
			return List.of();
		}
		Me me;
		try {
			me = breaker.executeSupplier(() -> identity.get()
				.uri("/api/v1/identity/me")
				.headers(h -> h.setBearerAuth(bearer))
				.retrieve()
				.body(Me.class));
		}
		catch (CallNotPermittedException | ResourceAccessException | HttpServerErrorException ex) {
			throw new IdentityUnavailable();
		}
		catch (HttpClientErrorException ex) {
			return List.of();
		}
		List<Enterprise> enterprises = me == null || me.enterprises() == null ? List.of()
				: me.enterprises().stream().filter(e -> "LEGAL_REPRESENTATIVE".equals(e.role())).toList();
		represented.put(subject, new Remembered(enterprises, now.plus(REMEMBER)));
		return enterprises;
	}

	private static String bearer() {
		return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
				? token.getToken().getTokenValue() : null;
	}

	private record Remembered(List<Enterprise> enterprises, Instant until) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Me(List<Enterprise> enterprises) {
	}

	/** An enterprise as identity-service's {@code /me} lists it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Enterprise(String uscc, String name, String role) {
	}

	/** identity-service did not answer: who represents an enterprise cannot be told now. */
	static class IdentityUnavailable extends DomainException {

		IdentityUnavailable() {
			super("identity-service is unavailable; whether you represent this enterprise cannot be checked now", null,
					null);
		}

		@Override
		public HttpStatus status() {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}

		@Override
		public String problemType() {
			return "peer-unavailable";
		}

	}

}
