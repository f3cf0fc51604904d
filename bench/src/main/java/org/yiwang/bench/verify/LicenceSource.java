package org.yiwang.bench.verify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.yiwang.bench.http.HttpRequestSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds a real licence to verify: the first licence in a holder's wallet ({@code GET /api/v1/licenses}, with the
 * holder's own token, through the gateway), then its signed credential ({@code GET /api/v1/licenses/{number}/credential}
 * → {@code credential}, a compact JWS).
 */
public final class LicenceSource {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String gatewayUrl;

	public LicenceSource(String gatewayUrl) {
		HttpRequestSpec.requireLoopback(gatewayUrl);
		this.gatewayUrl = gatewayUrl.replace("//localhost:", "//127.0.0.1:");
	}

	/**
	 * @param holder who asked (for the report)
	 * @param token the holder's access token
	 * @return the credential, or why there is none
	 */
	public Found firstCredential(String holder, String token) {
		try {
			JsonNode wallet = get("/api/v1/licenses?page=0&size=20", token);
			List<String> numbers = new ArrayList<>();
			for (JsonNode item : wallet.path("items")) {
				if ("VALID".equals(item.path("status").asString("VALID"))) {
					numbers.add(item.path("number").asString());
				}
			}
			if (numbers.isEmpty()) {
				return new Found(Optional.empty(), holder + " holds no licence in force (" + wallet.path("total").asLong()
						+ " in the wallet)");
			}
			JsonNode credential = get("/api/v1/licenses/" + numbers.get(0) + "/credential", token);
			String jws = credential.path("credential").asString(null);
			if (jws == null || jws.isBlank()) {
				return new Found(Optional.empty(), "licence " + numbers.get(0) + " has no credential");
			}
			return new Found(Optional.of(jws), "licence " + numbers.get(0) + " of " + holder);
		}
		catch (IOException | RuntimeException ex) {
			return new Found(Optional.empty(), holder + "'s wallet could not be read: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Found(Optional.empty(), "interrupted");
		}
	}

	private JsonNode get(String path, String token) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + path))
			.timeout(Duration.ofSeconds(15))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("GET " + path + " answered " + response.statusCode());
		}
		return JSON.readTree(response.body());
	}

	/**
	 * @param credential the compact JWS, when found
	 * @param description where it came from, or why there is none
	 */
	public record Found(Optional<String> credential, String description) {
	}

}
