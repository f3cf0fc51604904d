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

import org.yiwang.exchange.resource.DataResource;
import org.yiwang.exchange.resource.ServingMode;
import org.yiwang.exchange.subject.Masking;
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
 * {@code {"resourceCode","subject","fields":[...],"consumerDepartment","purpose"}} → 200 with a JSON object of
 * field values, 404 when the subject is unknown; anything else is a provider failure.
 */
@Component
public class ProviderGateway {

	private final RegistryRecords registry;

	private final ProviderResilience resilience;

	private final JsonMapper json;

	private final HttpClient http;

	private final Duration timeout;

	ProviderGateway(RegistryRecords registry, ProviderResilience resilience, JsonMapper json,
			ProviderProperties properties) {
		this.registry = registry;
		this.resilience = resilience;
		this.json = json;
		// the TimeLimiter decides when a consumer stops waiting; this only frees the calling thread eventually
		this.timeout = properties.timeout().multipliedBy(2);
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	/** The request the provider gets: whose data, which fields, for whom and why. */
	public record ProviderQuery(DataResource resource, String subject, List<String> fields, String consumerDepartment,
			String purpose) {
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
			answer = resilience.call(resource.getProviderDepartment(), () -> callProvider(query));
		}
		Map<String, Object> only = new LinkedHashMap<>();
		for (String field : query.fields()) {
			if (answer.containsKey(field)) {
				only.put(field, answer.get(field));
			}
		}
		return only;
	}

	private Map<String, Object> callProvider(ProviderQuery query) {
		DataResource resource = query.resource();
		String base = resource.getProviderBaseUrl();
		URI uri = URI.create(base.endsWith("/") ? base + "queries" : base + "/queries");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("resourceCode", resource.getCode());
		body.put("subject", query.subject());
		body.put("fields", query.fields());
		body.put("consumerDepartment", query.consumerDepartment());
		body.put("purpose", query.purpose());
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header(Correlation.HEADER, Correlation.currentOrNew())
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
