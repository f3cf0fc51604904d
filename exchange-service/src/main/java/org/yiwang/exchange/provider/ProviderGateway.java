package org.yiwang.exchange.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.exchange.resource.DataResource;
import org.yiwang.exchange.resource.ServingMode;
import org.yiwang.exchange.subject.Masking;
import org.yiwang.shared.client.ServiceTokenUnavailableException;
import org.yiwang.shared.client.ServiceTokens;
import org.yiwang.shared.web.Correlation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Fetches a subject's data from where the resource lives: a base registry held in the platform, or the provider
 * department's API (through {@link ProviderResilience}). Returns ONLY the asked fields, whatever the source
 * answered, so a provider that says too much cannot leak through the exchange.
 *
 * <p>Provider API contract: {@code POST <providerBaseUrl>/queries} with
 * {@code {"resourceCode","subject","fields":[...],"consumerDepartment","purpose","purposeCategory","applicationId"}}
 * → 200 with a JSON object of
 * field values, 404 when the subject is unknown; anything else is a provider failure. Every call carries
 * {@code Authorization: Bearer <token of client svc-exchange>} ({@link ServiceTokens}).
 */
@Component
public class ProviderGateway {

	private static final Logger log = LoggerFactory.getLogger(ProviderGateway.class);

	private final RegistryRecords registry;

	private final ProviderResilience resilience;

	private final JsonMapper json;

	private final HttpClient http;

	private final Duration timeout;

	private final ServiceTokens serviceTokens;

	ProviderGateway(RegistryRecords registry, ProviderResilience resilience, JsonMapper json,
			ProviderProperties properties, ServiceTokens serviceTokens) {
		this.registry = registry;
		this.resilience = resilience;
		this.json = json;
		this.serviceTokens = serviceTokens;
		// the TimeLimiter decides when a consumer stops waiting; this only frees the calling thread eventually
		this.timeout = properties.timeout().multipliedBy(2);
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	/**
	 * The request the provider gets: whose data, which fields, for whom and why (purpose words and category, and
	 * the application where there is one).
	 */
	public record ProviderQuery(DataResource resource, String subject, List<String> fields, String consumerDepartment,
			String purpose, String purposeCategory, String applicationId) {
	}

	public Map<String, Object> fetch(ProviderQuery query) {
		DataResource resource = query.resource();
		Map<String, Object> answer;
		if (resource.getServingMode() == ServingMode.BASE_REGISTRY) {
			answer = registry.findById(RegistryRecord.id(resource.getCode(), query.subject()))
				.map(RegistryRecord::data)
				.orElseThrow(() -> new SubjectNotFoundException(resource.getCode(), Masking.mask(query.subject())));
		}
		else {
			String token = serviceToken(resource.getProviderDepartment());
			answer = resilience.call(resource.getProviderDepartment(), () -> callProvider(query, token));
		}
		Map<String, Object> only = new LinkedHashMap<>();
		for (String field : query.fields()) {
			if (answer.containsKey(field)) {
				only.put(field, answer.get(field));
			}
		}
		return only;
	}

	/**
	 * The exchange's own bearer token (client {@code svc-exchange}): a provider serves only the exchange, never a
	 * consumer directly. Without a token the provider cannot be asked — to the consumer that is the provider being
	 * unavailable (503), and it does not count against the provider's circuit.
	 */
	private String serviceToken(String provider) {
		try {
			return serviceTokens.accessToken();
		}
		catch (ServiceTokenUnavailableException ex) {
			log.warn("no service token for the call to provider {}: {}", provider, ex.getMessage());
			throw resilience.unavailable(provider,
					"provider " + provider + " cannot be asked now: the exchange could not authenticate (token service "
							+ "unavailable)");
		}
	}

	private Map<String, Object> callProvider(ProviderQuery query, String token) {
		DataResource resource = query.resource();
		String base = resource.getProviderBaseUrl();
		URI uri = URI.create(base.endsWith("/") ? base + "queries" : base + "/queries");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("resourceCode", resource.getCode());
		body.put("subject", query.subject());
		body.put("fields", query.fields());
		body.put("consumerDepartment", query.consumerDepartment());
		body.put("purpose", query.purpose());
		body.put("purposeCategory", query.purposeCategory());
		body.put("applicationId", query.applicationId());
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header(Correlation.HEADER, Correlation.currentOrNew())
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.net.http.HttpTimeoutException ex) {
			throw new ProviderFailure("did not answer in time", ex);
		}
		catch (IOException ex) {
			throw new ProviderFailure(ex.getClass().getSimpleName(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProviderFailure("interrupted", ex);
		}
		if (response.statusCode() == 401) {
			// the token may have been revoked or the provider's keys rotated: fetch a fresh one next time
			serviceTokens.invalidate();
			throw new ProviderFailure("HTTP 401 (the provider did not accept the exchange's token)", null);
		}
		if (response.statusCode() == 404) {
			throw new SubjectNotFoundException(resource.getCode(), Masking.mask(query.subject()));
		}
		if (response.statusCode() != 200) {
			throw new ProviderFailure("HTTP " + response.statusCode(), null);
		}
		try {
			@SuppressWarnings("unchecked")
			Map<String, Object> data = json.readValue(response.body(), Map.class);
			return data;
		}
		catch (JacksonException ex) {
			throw new ProviderFailure("unreadable answer", ex);
		}
	}

}
