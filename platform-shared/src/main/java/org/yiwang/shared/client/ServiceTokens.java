package org.yiwang.shared.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;

/**
 * Access tokens of this service's own client (OAuth2 client credentials against Keycloak), cached until shortly
 * before they expire and shared by all outgoing calls. One request at a time refreshes; the others wait for it
 * instead of stampeding the identity provider. The secret and the tokens never appear in logs.
 */
public class ServiceTokens {

	private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);

	private final ServiceAccountProperties properties;

	private final URI tokenUri;

	private final HttpClient http;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ReentrantLock refreshing = new ReentrantLock();

	private volatile Token current;

	public ServiceTokens(ServiceAccountProperties properties, String issuer, Clock clock) {
		this.properties = properties;
		String realm = properties.realmUri() != null && !properties.realmUri().isBlank() ? properties.realmUri()
				: issuer;
		this.tokenUri = URI.create(properties.tokenUri() != null && !properties.tokenUri().isBlank()
				? properties.tokenUri() : realm + "/protocol/openid-connect/token");
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
		this.clock = clock;
	}

	/** The client this service calls as. */
	public String clientId() {
		return properties.clientId();
	}

	/** A valid access token; fetches a new one when the cached one is about to expire. */
	public String accessToken() {
		Token token = current;
		if (token != null && token.fresh(clock.instant())) {
			return token.value();
		}
		refreshing.lock();
		try {
			token = current;
			if (token == null || !token.fresh(clock.instant())) {
				token = fetch();
				current = token;
			}
			return token.value();
		}
		finally {
			refreshing.unlock();
		}
	}

	/** Forgets the cached token, e.g. after a 401 from the callee. */
	public void invalidate() {
		current = null;
	}

	/** Adds {@code Authorization: Bearer <service token>} to every request of a {@code RestClient}. */
	public ClientHttpRequestInterceptor interceptor() {
		return (request, body, execution) -> {
			request.getHeaders().setBearerAuth(accessToken());
			var response = execution.execute(request, body);
			if (response.getStatusCode().value() == 401) {
				invalidate();
			}
			return response;
		};
	}

	private Token fetch() {
		String form = "grant_type=client_credentials&client_id=" + encode(properties.clientId()) + "&client_secret="
				+ encode(properties.clientSecret() == null ? "" : properties.clientSecret());
		HttpRequest request = HttpRequest.newBuilder(tokenUri)
			.timeout(properties.timeout())
			.header(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		Instant asked = clock.instant();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new ServiceTokenUnavailableException("token endpoint " + tokenUri + " unreachable: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ServiceTokenUnavailableException("interrupted while asking for a service token", ex);
		}
		if (response.statusCode() != 200) {
			log.warn("Token endpoint {} refused client {} with HTTP {}", tokenUri, properties.clientId(),
					response.statusCode());
			throw new ServiceTokenUnavailableException(
					"token endpoint answered " + response.statusCode() + " for client " + properties.clientId(), null);
		}
		JsonNode body = json.readTree(response.body());
		String value = body.path("access_token").asString(null);
		if (value == null || value.isBlank()) {
			throw new ServiceTokenUnavailableException("token endpoint answered without an access_token", null);
		}
		long expiresIn = body.path("expires_in").asLong(60);
		Instant refreshAt = asked.plusSeconds(expiresIn).minus(properties.refreshBefore());
		return new Token(value, refreshAt.isAfter(asked) ? refreshAt : asked.plusSeconds(Math.max(1, expiresIn / 2)));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private record Token(String value, Instant refreshAt) {

		boolean fresh(Instant now) {
			return now.isBefore(refreshAt);
		}

	}

}
