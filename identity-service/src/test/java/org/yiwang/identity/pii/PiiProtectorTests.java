package org.yiwang.identity.pii;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PiiProtectorTests {

	static final String ID = "11010519491231002X";

	@TempDir
	Path dir;

	@Test
	void encryptsWithTheActiveKeyAndDecryptsBack() {
		PiiProtector protector = new PiiProtector(KeyRing.load(new PiiProperties(null, null, dir.resolve("keys"))));
		String cipher = protector.encrypt("idNumber", ID);
		assertThat(cipher).startsWith("v1:" + protector.activeKeyId() + ":").doesNotContain(ID).doesNotContain("1949");
		assertThat(protector.encrypt("idNumber", ID)).as("random IV").isNotEqualTo(cipher);
		assertThat(protector.decrypt("idNumber", cipher)).isEqualTo(ID);
	}

	@Test
	void aCiphertextMovedToAnotherFieldOrTamperedWithDoesNotDecrypt() {
		PiiProtector protector = new PiiProtector(KeyRing.load(new PiiProperties(null, null, dir.resolve("keys"))));
		String cipher = protector.encrypt("idNumber", ID);
		assertThatIllegalStateException().isThrownBy(() -> protector.decrypt("phone", cipher));
		byte[] raw = Base64.getDecoder().decode(cipher.substring(cipher.lastIndexOf(':') + 1));
		raw[raw.length - 1] ^= 1;
		String tampered = cipher.substring(0, cipher.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(raw);
		assertThatIllegalStateException().isThrownBy(() -> protector.decrypt("idNumber", tampered));
	}

	@Test
	void keysAreGeneratedOnceWithOwnerOnlyPermissionsAndSurviveARestart() throws Exception {
		Path keys = dir.resolve("keys");
		PiiProtector first = new PiiProtector(KeyRing.load(new PiiProperties(null, null, keys)));
		String cipher = first.encrypt("idNumber", ID);
		String hash = first.hash("idNumber", ID);
		try (var files = Files.list(keys)) {
			for (Path file : files.toList()) {
				assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
					.isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
			}
		}
		assertThat(Files.getPosixFilePermissions(keys)).doesNotContain(PosixFilePermission.OTHERS_READ,
				PosixFilePermission.GROUP_READ);
		PiiProtector restarted = new PiiProtector(KeyRing.load(new PiiProperties(null, null, keys)));
		assertThat(restarted.decrypt("idNumber", cipher)).isEqualTo(ID);
		assertThat(restarted.hash("idNumber", ID)).isEqualTo(hash);
	}

	@Test
	void afterRotationOldValuesDecryptNewValuesUseTheNewKeyAndHashesStay() {
		Path keys = dir.resolve("keys");
		PiiProtector protector = new PiiProtector(KeyRing.load(new PiiProperties(null, null, keys)));
		String old = protector.encrypt("idNumber", ID);
		String hash = protector.hash("idNumber", ID);
		String oldKey = protector.activeKeyId();
		String newKey = protector.rotate();
		assertThat(newKey).isNotEqualTo(oldKey);
		assertThat(protector.needsReEncryption(old)).isTrue();
		String reEncrypted = protector.reEncrypt("idNumber", old);
		assertThat(reEncrypted).startsWith("v1:" + newKey + ":");
		assertThat(protector.needsReEncryption(reEncrypted)).isFalse();
		assertThat(protector.decrypt("idNumber", old)).isEqualTo(ID);
		assertThat(protector.hash("idNumber", ID)).isEqualTo(hash);
		PiiProtector restarted = new PiiProtector(KeyRing.load(new PiiProperties(null, null, keys)));
		assertThat(restarted.activeKeyId()).isEqualTo(newKey);
		assertThat(restarted.decrypt("idNumber", old)).isEqualTo(ID);
	}

	@Test
	void keysFromTheEnvironmentListTheActiveKeyFirst() {
		String oldKey = Base64.getEncoder().encodeToString(new byte[32]);
		String newKey = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
		String hashKey = Base64.getEncoder().encodeToString("hash-key-hash-key-hash-key-12345".getBytes());
		PiiProtector before = new PiiProtector(KeyRing.load(new PiiProperties("k1:" + oldKey, hashKey, dir)));
		String cipher = before.encrypt("phone", "13812345678");
		PiiProtector after = new PiiProtector(
				KeyRing.load(new PiiProperties("k2:" + newKey + ",k1:" + oldKey, hashKey, dir)));
		assertThat(after.activeKeyId()).isEqualTo("k2");
		assertThat(after.decrypt("phone", cipher)).isEqualTo("13812345678");
		assertThat(after.hash("phone", "13812345678")).isEqualTo(before.hash("phone", "13812345678"));
		assertThat(after.rotatable()).isFalse();
		assertThat(dir.resolve("identity-keys")).doesNotExist();
	}

}
