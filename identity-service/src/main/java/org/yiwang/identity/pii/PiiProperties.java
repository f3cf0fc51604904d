package org.yiwang.identity.pii;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the keys protecting personal data come from.
 *
 * @param key {@code IDENTITY_PII_KEY}: the AES-256 data key(s), base64; {@code kid:base64[,kid:base64...]} with
 * the ACTIVE key first and older keys after it (still used to decrypt), or a single base64 key. When empty, keys
 * are kept in {@code keyDir} (generated at first start, mode 600).
 * @param hashKey {@code IDENTITY_PII_HASH_KEY}: the HMAC-SHA256 key of the search hashes, base64; never rotated
 * with the data keys (the hashes would change). When empty, kept in {@code keyDir}.
 * @param keyDir the key directory; never inside the repository ({@code .run/} is git-ignored)
 */
@ConfigurationProperties("identity.pii")
public record PiiProperties(String key, String hashKey, Path keyDir) {

	public PiiProperties {
		if (keyDir == null) {
			keyDir = Path.of(".run", "identity-keys");
		}
	}

}
