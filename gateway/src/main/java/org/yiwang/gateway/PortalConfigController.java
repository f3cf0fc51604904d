package org.yiwang.gateway;

import java.util.Map;

import org.yiwang.shared.security.PlatformSecurityProperties;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the portal where to log in: the Keycloak URL and realm come from the issuer the gateway itself trusts, so
 * the browser and the services can never disagree.
 */
@RestController
class PortalConfigController {

	private final PlatformSecurityProperties security;

	PortalConfigController(PlatformSecurityProperties security) {
		this.security = security;
	}

	@GetMapping("/portal-config.json")
	ResponseEntity<Map<String, String>> config() {
		String issuer = security.issuer();
		int realms = issuer.indexOf("/realms/");
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.body(Map.of("keycloakUrl", issuer.substring(0, realms), "realm", issuer.substring(realms + 8), "clientId",
					"portal"));
	}

}
