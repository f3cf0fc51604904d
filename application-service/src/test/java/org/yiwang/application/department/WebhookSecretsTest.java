package org.yiwang.application.department;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sealing webhook secrets: keys from the environment or a generated key file, key ids for rotation, integrity. */
class WebhookSecretsTest {

	static final String SECRET = "whsec_0123456789abcdef0123456789abcdef";

	@TempDir
	Path dir;

	WebhookSecrets env(String key) {
		return new WebhookSecrets(new WebhookKeyProperties(key, dir.resolve("unused")));
	}

	@Test
	void sealedSecretsNameTheirKeyHideTheSecretAndOpenOnlyForTheirSubscription() {
		WebhookSecrets secrets = env(Base64.getEncoder().encodeToString(new byte[32]));
		String sealed = secrets.seal("WH-1", SECRET);
		assertThat(sealed).startsWith("v1:" + secrets.activeKeyId() + ":").doesNotContain(SECRET)
			.doesNotContain("0123456789abcdef");
		assertThat(secrets.seal("WH-1", SECRET)).as("a fresh IV each time").isNotEqualTo(sealed);
		assertThat(secrets.open("WH-1", sealed)).isEqualTo(SECRET);
		assertThatThrownBy(() -> secrets.open("WH-2", sealed)).isInstanceOf(IllegalStateException.class);
		String tampered = sealed.substring(0, sealed.length() - 4)
				+ (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
		assertThatThrownBy(() -> secrets.open("WH-1", tampered)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> env("another key").open("WH-1", sealed)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("unknown key id");
	}

	@Test
	void anyLauncherStringIsAcceptedAndDerivesTheSameKeyEveryTime() {
		WebhookSecrets first = env("Demo-AbCdEfGhJkMnPq7aQ");
		WebhookSecrets second = env("Demo-AbCdEfGhJkMnPq7aQ");
		assertThat(first.activeKeyId()).startsWith("env-").isEqualTo(second.activeKeyId());
		assertThat(second.open("WH-1", first.seal("WH-1", SECRET))).isEqualTo(SECRET);
		assertThat(env("Demo-other-string").activeKeyId()).isNotEqualTo(first.activeKeyId());
	}

	@Test
	void rotationKeepsOlderKeysForOpeningAndSealsWithTheFirst() {
		byte[] oldKey = new byte[32];
		byte[] newKey = new byte[32];
		newKey[0] = 1;
		String old64 = Base64.getEncoder().encodeToString(oldKey);
		String new64 = Base64.getEncoder().encodeToString(newKey);
		String sealedBefore = env("k1:" + old64).seal("WH-1", SECRET);
		WebhookSecrets rotated = env("k2:" + new64 + ",k1:" + old64);
		assertThat(rotated.activeKeyId()).isEqualTo("k2");
		assertThat(rotated.sealedWithActiveKey(sealedBefore)).isFalse();
		assertThat(rotated.open("WH-1", sealedBefore)).isEqualTo(SECRET);
		String resealed = rotated.seal("WH-1", SECRET);
		assertThat(resealed).startsWith("v1:k2:");
		assertThat(rotated.sealedWithActiveKey(resealed)).isTrue();
	}

	@Test
	void withoutAKeyOneIsGeneratedOnceInAPrivateKeyDirectory() throws Exception {
		Path keys = dir.resolve("application-keys");
		WebhookSecrets first = new WebhookSecrets(new WebhookKeyProperties(null, keys));
		WebhookSecrets second = new WebhookSecrets(new WebhookKeyProperties(" ", keys));
		assertThat(second.activeKeyId()).isEqualTo(first.activeKeyId());
		assertThat(second.open("WH-1", first.seal("WH-1", SECRET))).isEqualTo(SECRET);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
		Path keyFile = keys.resolve(first.activeKeyId() + ".key");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		assertThat(Base64.getDecoder().decode(Files.readString(keyFile).strip())).hasSize(32);
	}

}
