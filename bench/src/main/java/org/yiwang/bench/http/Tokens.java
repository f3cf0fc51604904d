package org.yiwang.bench.http;

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
import tools.jackson.databind.json.JsonMapper;

/** Real Keycloak tokens for the bench's requests: the password grant of the demo CLI client ({@code yiwang-cli}). */
public final class Tokens {

	public static final String CLI_CLIENT = "yiwang-cli";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String tokenEndpoint;

	/** @param keycloakUrl e.g. {@code http://localhost:8180}; reached through 127.0.0.1 (the issuer is fixed by Keycloak) */
	public Tokens(String keycloakUrl) {
		this.tokenEndpoint = keycloakUrl.replace("//localhost:", "//127.0.0.1:")
				+ "/realms/gov/protocol/openid-connect/token";
		HttpRequestSpec.requireLoopback(tokenEndpoint);
	}

	/** An access token of {@code username}; a few attempts, since Keycloak may be busy (or restarting). */
	public String password(String username, String password) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "password");
		form.put("client_id", CLI_CLIENT);
		form.put("username", username);
		form.put("password", password);
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		String problem = null;
		for (int attempt = 1; attempt <= 5; attempt++) {
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					JsonNode token = JSON.readTree(response.body());
					return token.get("access_token").asString();
				}
				problem = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
				if (response.statusCode() == 401 || response.statusCode() == 400) {
					break;
				}
			}
			catch (IOException ex) {
				problem = ex.toString();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while asking for a token", ex);
			}
			sleep(attempt * 1000L);
		}
		throw new IllegalStateException("no token for " + username + " from " + tokenEndpoint + ": " + problem);
	}

	private static String abbreviate(String text) {
		return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
