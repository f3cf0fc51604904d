package org.yiwang.bench;

import java.util.Map;

/**
 * Where the platform under test listens: the gateway (what users and department systems call), each service
 * directly (for the gateway-vs-direct comparison and for process identification), Keycloak, Kafka and MongoDB,
 * and the secrets the launcher generated ({@code .run/secrets.env}: demo password, department-system client
 * secrets, ...).
 */
public record BenchTarget(String gatewayUrl, String keycloakUrl, Map<String, String> serviceUrls, String mongoUri,
		String kafkaBootstrap, Map<String, String> secrets) {

	public String serviceUrl(String service) {
		String url = serviceUrls.get(service);
		if (url == null) {
			throw new IllegalArgumentException("no URL for " + service);
		}
		return url;
	}

	public String secret(String name) {
		String value = secrets.get(name);
		if (value == null) {
			throw new IllegalStateException(name + " is not in the platform's secrets");
		}
		return value;
	}

}
