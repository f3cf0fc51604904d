package org.yiwang.license;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the licence service. Signing keys live OUTSIDE the repository, in {@code keysDir}; the keystore
 * password comes from {@code keystorePassword} (env {@code LICENSE_KEYSTORE_PASSWORD}) or, when empty, is
 * generated once and kept beside the keystore readable only by its owner.
 *
 * @param keysDir directory of the PKCS12 keystore (env {@code LICENSE_KEYS_DIR})
 * @param keystorePassword keystore password; empty → generated file {@code keystore.password}
 * @param publicBaseUrl the public address of the platform (gateway) used in credential and status-list links
 * @param statusListCacheTtl how long a published status list may be cached (server and clients)
 */
@ConfigurationProperties("platform.license")
public record LicenseProperties(@DefaultValue(".run/license-keys") Path keysDir,
		@DefaultValue("") String keystorePassword, @DefaultValue("http://localhost:8080") String publicBaseUrl,
		@DefaultValue("60s") Duration statusListCacheTtl) {
}
