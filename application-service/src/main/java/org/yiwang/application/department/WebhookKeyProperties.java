package org.yiwang.application.department;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the key that encrypts webhook signing secrets at rest comes from ({@code platform.webhooks.encryption.*}).
 *
 * @param key {@code APPLICATION_WEBHOOK_KEY}: {@code kid:base64[,kid:base64...]} with the ACTIVE key first and
 * older keys after it (still used to decrypt until the startup migration re-encrypted everything), or one key: a
 * base64 256-bit key, or any other string, from which the key is derived with SHA-256 (the local launcher hands out
 * a random password-like string). When empty, the key is generated at first start in {@code keyDir}.
 * @param keyDir the key directory (default {@code .run/application-keys}, directory 700, files 600); never inside
 * the repository ({@code .run/} is git-ignored)
 */
@ConfigurationProperties("platform.webhooks.encryption")
public record WebhookKeyProperties(String key, Path keyDir) {

	public WebhookKeyProperties {
		if (keyDir == null) {
			keyDir = Path.of(".run", "application-keys");
		}
	}

}
