package org.yiwang.bench.theme;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * One Keycloak identity's access token (realm {@code gov}), fetched when first needed and fetched again before it
 * expires (at 70 % of {@code expires_in}) or when the gateway turned it down. Thread-safe; the callers of one
 * identity wait for one fetch.
 */
final class TokenSource {

	/** Keycloak does not know the client: the realm the platform runs predates it. */
	static final class UnknownClientException extends IllegalStateException {

		UnknownClientException(String message) {
			super(message);
		}

	}

	private final HttpClient http;

	private final URI endpoint;

	private final Map<String, String> form;

	private final String name;

	private String token;

	private long refreshAtNanos;

	private TokenSource(HttpClient http, String keycloakUrl, Map<String, String> form, String name) {
		this.http = http;
		this.endpoint = URI.create(Loopback.url(keycloakUrl) + "/realms/gov/protocol/openid-connect/token");
		this.form = form;
		this.name = name;
	}

	/** A person signing in with the command-line client (password grant). */
	static TokenSource password(HttpClient http, String keycloakUrl, String clientId, String username,
			String password) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "password");
		form.put("client_id", clientId);
		form.put("username", username);
		form.put("password", password);
		return new TokenSource(http, keycloakUrl, form, username);
	}

	/** A department's own system (client credentials). */
	static TokenSource clientCredentials(HttpClient http, String keycloakUrl, String clientId, String secret) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		form.put("client_id", clientId);
		form.put("client_secret", secret);
		return new TokenSource(http, keycloakUrl, form, clientId);
	}

	String name() {
		return name;
	}

	synchronized String bearer() {
		if (token == null || System.nanoTime() - refreshAtNanos >= 0) {
			fetch();
		}
		return token;
	}

	/** The gateway refused this token (401): the next call fetches a new one. */
	synchronized void refused(String stale) {
		if (stale != null && stale.equals(token)) {
			token = null;
		}
	}

	private void fetch() {
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		RuntimeException last = null;
		for (int attempt = 1; attempt <= 8; attempt++) {
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(endpoint)
							.timeout(Duration.ofSeconds(30))
							.header("Content-Type", "application/x-www-form-urlencoded")
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					JsonNode json = Json.read(response.body());
					long expiresIn = Math.max(10, json.path("expires_in").asLong(60));
					token = json.path("access_token").asString();
					refreshAtNanos = System.nanoTime() + Duration.ofSeconds(expiresIn).toNanos() * 7 / 10;
					return;
				}
				String error = response.body();
				if (response.statusCode() < 500 && error.contains("invalid_client")) {
					throw new UnknownClientException("Keycloak does not know client " + form.get("client_id")
							+ " (invalid_client): the running platform was started before deploy/keycloak/gov-realm.json"
							+ " gained it; restart the platform so the realm is re-imported");
				}
				if (response.statusCode() < 500) {
					throw new IllegalStateException("token for " + name + " refused: " + response.statusCode() + " "
							+ error);
				}
				last = new IllegalStateException("Keycloak answered " + response.statusCode() + " for " + name);
			}
			catch (IOException ex) {
				last = new IllegalStateException("Keycloak unreachable at " + endpoint + ": " + ex, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while fetching a token", ex);
			}
			Backoff.sleep(Math.min(5_000, 250L << attempt));
		}
		throw last;
	}

}
