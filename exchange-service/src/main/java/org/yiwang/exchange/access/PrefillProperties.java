package org.yiwang.exchange.access;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which platform services may ask for once-only prefill ({@code exchange.prefill}). A token with the realm role
 * {@code platform-service} says only that the caller is one of our services; the exchange serves prefill to the
 * clients named here (application-service calls as {@code svc-application}) and to no other service account.
 *
 * @param clients OAuth2 client ids ({@code azp}) of platform services allowed to prefill
 */
@ConfigurationProperties("exchange.prefill")
public record PrefillProperties(@DefaultValue("svc-application") List<String> clients) {

	public PrefillProperties {
		clients = clients == null ? List.of() : List.copyOf(clients);
	}

	boolean allows(String clientId) {
		return clientId != null && clients.contains(clientId);
	}

}
