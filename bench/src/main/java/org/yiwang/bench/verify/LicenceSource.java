package org.yiwang.bench.verify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.yiwang.bench.http.HttpRequestSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds a real licence to verify, held by one of the demo users whose tokens the bench has. First from the tail of
 * {@code license.events} ({@code license.LicenseIssued}: number and holder subject), so that only look-ups by number
 * are needed ({@code GET /api/v1/licenses/{number}/credential} with the holder's token → {@code credential}, a
 * compact JWS); else from a holder's wallet ({@code GET /api/v1/licenses}), which on a large store may be slow.
 * Every request goes through the gateway.
 */
public final class LicenceSource {

	static final String TOPIC = "license.events";

	static final String LICENSE_ISSUED = "license.LicenseIssued";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String gatewayUrl;

	private final Duration timeout;

	public LicenceSource(String gatewayUrl, Duration timeout) {
		HttpRequestSpec.requireLoopback(gatewayUrl);
		this.gatewayUrl = gatewayUrl.replace("//localhost:", "//127.0.0.1:");
		this.timeout = timeout;
	}

	/**
	 * A licence from the latest issuance events held by one of {@code holders} (username → access token).
	 * @param kafkaBootstrap the platform's broker (loopback)
	 */
	public Found fromEvents(String kafkaBootstrap, Map<String, String> holders) {
		Map<String, String> tokenBySubject = new LinkedHashMap<>();
		Map<String, String> nameBySubject = new LinkedHashMap<>();
		holders.forEach((name, token) -> {
			String subject = subject(token);
			if (subject != null) {
				tokenBySubject.put(subject, token);
				nameBySubject.put(subject, name);
			}
		});
		List<String[]> issued;
		try {
			issued = latestIssued(kafkaBootstrap, 200);
		}
		catch (RuntimeException ex) {
			return new Found(Optional.empty(), "license.events could not be read: " + ex.getMessage());
		}
		int held = 0;
		String problem = null;
		for (int i = issued.size() - 1; i >= 0 && held < 5; i--) {
			String number = issued.get(i)[0];
			String token = tokenBySubject.get(issued.get(i)[1]);
			if (token == null) {
				continue;
			}
			held++;
			try {
				String jws = get("/api/v1/licenses/" + number + "/credential", token).path("credential").asString(null);
				if (jws != null && !jws.isBlank()) {
					return new Found(Optional.of(jws),
							"licence " + number + " of " + nameBySubject.get(issued.get(i)[1]) + " (from license.events)");
				}
			}
			catch (IOException | RuntimeException ex) {
				// the licence is the holder's and was just issued: a failure here is the service's, not the licence's
				problem = ex.getMessage();
				break;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return new Found(Optional.empty(), issued.size() + " recent issuance events, " + held + " tried of the demo users'"
				+ (problem == null ? "" : " (" + problem + ")"));
	}

	/**
	 * The first licence in force in a holder's wallet.
	 * @param holder who asked (for the report)
	 * @param token the holder's access token
	 */
	public Found fromWallet(String holder, String token) {
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
			return new Found(Optional.of(jws), "licence " + numbers.get(0) + " of " + holder + " (from the wallet)");
		}
		catch (IOException | RuntimeException ex) {
			return new Found(Optional.empty(), holder + "'s wallet could not be read: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Found(Optional.empty(), "interrupted");
		}
	}

	/** (licence number, holder subject) of the latest {@code LicenseIssued} events, oldest first. */
	static List<String[]> latestIssued(String bootstrap, int perPartition) {
		HttpRequestSpec.requireLoopback("http://" + bootstrap.split(",")[0].trim());
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
		List<String[]> issued = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (PartitionInfo partition : consumer.partitionsFor(TOPIC, Duration.ofSeconds(10))) {
				partitions.add(new TopicPartition(TOPIC, partition.partition()));
			}
			consumer.assign(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
			for (TopicPartition partition : partitions) {
				consumer.seek(partition, Math.max(0, ends.get(partition) - perPartition));
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (System.nanoTime() < deadline && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					JsonNode envelope = JSON.readTree(record.value());
					if (LICENSE_ISSUED.equals(envelope.path("type").asString(""))) {
						JsonNode payload = envelope.path("payload");
						issued.add(new String[] { payload.path("licenseNumber").asString(),
								payload.path("holderSubject").asString() });
					}
				}
			}
		}
		return issued;
	}

	/** The {@code sub} of a JWT, without checking it (the bench's own token from Keycloak). */
	static String subject(String jwt) {
		String[] parts = jwt.split("\\.");
		if (parts.length < 2) {
			return null;
		}
		try {
			return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
				.path("sub")
				.asString(null);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private JsonNode get(String path, String token) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + path))
			.timeout(timeout)
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
