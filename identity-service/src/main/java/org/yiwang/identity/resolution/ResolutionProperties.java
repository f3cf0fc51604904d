package org.yiwang.identity.resolution;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which platform services may resolve a login subject to the person behind it, plain ID number included: the
 * Keycloak clients ({@code azp}) of our own services that need it to do their work (issuing licences in the
 * holder's name, prefilling forms). Any other client is refused, even when it holds the role
 * {@code platform-service}.
 *
 * @param clients allowed client ids; unset: {@code svc-application, svc-license, svc-exchange}
 */
@ConfigurationProperties("identity.resolution")
public record ResolutionProperties(List<String> clients) {

	static final List<String> DEFAULT_CLIENTS = List.of("svc-application", "svc-license", "svc-exchange");

	public ResolutionProperties {
		clients = clients == null ? DEFAULT_CLIENTS
				: clients.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
	}

}
