package org.yiwang.license.identity;

import java.time.Duration;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.license.license.HolderIdentities;
import org.yiwang.shared.client.ServiceTokens;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * identity-service's subject resolution ({@code POST /api/v1/identity/subject-resolutions}, as service account
 * {@code svc-license}) behind Resilience4j: {@code Retry(CircuitBreaker(TimeLimiter(call)))}. A 404 (no person
 * bound to the subject) is an answer, not a failure; every way of getting no answer (I/O error, 5xx, time limit,
 * no service token, open circuit) becomes {@link HolderIdentities.IdentityUnavailableException}, upon which the
 * issuance is deferred, never lost. The ID number in the answer is never logged.
 */
@Component
@EnableConfigurationProperties(IdentityClientProperties.class)
class IdentityServiceClient implements HolderIdentities, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(IdentityServiceClient.class);

	static final String PATH = "/api/v1/identity/subject-resolutions";

	static final String NAME = "identity-service";

	private final RestClient http;

	private final IdentityCallGuard guard;

	/**
	 * Answers remembered briefly ({@code platform.license.identity.resolution-cache}, default 60 s, at most 10k, in
	 * this process's memory only): the licences of one application are issued within seconds of each other for the
	 * same holder, and asking identity-service once per licence was a third of its load under the theme benchmark.
	 * Only found persons are remembered, never a failure or a "no person bound".
	 */
	private final Cache<String, Person> resolved;

	IdentityServiceClient(IdentityClientProperties properties, ServiceTokens tokens,
			@Value("${platform.peers.identity}") String identityUri, ObjectProvider<MeterRegistry> meters,
			@Value("${platform.license.identity.resolution-cache:60s}") Duration remembered) {
		this.http = IdentityCallGuard.client(identityUri, properties).requestInterceptor(tokens.interceptor()).build();
		this.guard = new IdentityCallGuard(NAME, properties, meters);
		this.resolved = Caffeine.newBuilder().expireAfterWrite(remembered).maximumSize(10_000).build();
	}

	@Override
	public Optional<Person> resolve(String subject) {
		Person known = this.resolved.getIfPresent(subject);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<Person> person = resolveRemotely(subject);
		person.ifPresent(p -> this.resolved.put(subject, p));
		return person;
	}

	private Optional<Person> resolveRemotely(String subject) {
		try {
			return guard.call(() -> ask(subject));
		}
		catch (CallNotPermittedException ex) {
			throw new IdentityUnavailableException("identity-service circuit open", ex);
		}
		catch (TimeoutException ex) {
			throw new IdentityUnavailableException("identity-service did not answer in time", ex);
		}
		catch (Exception ex) {
			log.warn("identity-service could not resolve subject {}: {}", subject, ex.getClass().getSimpleName());
			throw new IdentityUnavailableException("identity-service failed: " + ex.getClass().getSimpleName(), ex);
		}
	}

	/** The circuit state, for diagnostics and tests. */
	String state() {
		return guard.state();
	}

	private Optional<Person> ask(String subject) {
		Resolution answer = http.post()
			.uri(PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.body(Map.of("subject", subject))
			.exchange((request, response) -> {
				HttpStatusCode status = response.getStatusCode();
				if (status.value() == 404) {
					return null;
				}
				if (!status.is2xxSuccessful()) {
					throw new IllegalStateException("identity-service answered " + status.value());
				}
				return response.bodyTo(Resolution.class);
			});
		if (answer == null) {
			return Optional.empty();
		}
		if (answer.idNumber() == null || answer.idNumber().isBlank()) {
			throw new IllegalStateException("identity-service answered without an ID number");
		}
		return Optional.of(new Person(subject, answer.name(), answer.idNumber()));
	}

	@Override
	public void destroy() {
		guard.shutdown();
	}

	/**
	 * identity-service's answer.
	 *
	 * @param subject the subject asked about
	 * @param username login name
	 * @param name real name
	 * @param idNumber ID number (plain)
	 * @param idNumberMasked masked form
	 * @param assuranceLevel how the identity was verified
	 */
	record Resolution(String subject, String username, String name, String idNumber, String idNumberMasked,
			String assuranceLevel) {

		@Override
		public String toString() {
			return "Resolution[" + subject + "]";
		}

	}

}
