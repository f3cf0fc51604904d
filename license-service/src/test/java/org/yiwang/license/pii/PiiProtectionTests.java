package org.yiwang.license.pii;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yiwang.license.LicenseProperties;
import org.yiwang.shared.identity.IdNumbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ID number protection: AES-GCM round trip with fresh nonces, keyed hash, key file created private. */
class PiiProtectionTests {

	static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	static PiiProtection with(String key) {
		return new PiiProtection(new LicenseProperties(Path.of("target/unused-pii"), "", "http://localhost", Duration.ZERO),
				key);
	}

	static Stream<Long> seeds() {
		return LongStream.range(0, 200).boxed();
	}

	/** 1..300 characters: ASCII, CJK or anywhere in the BMP outside the surrogates. */
	static String plainText(Random random) {
		int length = 1 + random.nextInt(300);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			char c;
			switch (random.nextInt(3)) {
				case 0 -> c = (char) (0x20 + random.nextInt(0x5f));
				case 1 -> c = (char) (0x4e00 + random.nextInt(0x9fa5 - 0x4e00));
				default -> {
					do {
						c = (char) random.nextInt(0x10000);
					}
					while (Character.isSurrogate(c));
				}
			}
			text.append(c);
		}
		return text.toString();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void encryptionRoundTripsAndNeverShowsThePlainText(long seed) {
		String plain = plainText(new Random(seed));
		PiiProtection pii = with(KEY);
		String sealed = pii.encrypt(plain);
		assertThat(sealed).as("seed %d", seed)
			.startsWith(PiiProtection.PREFIX)
			.doesNotContain(plain.length() > 8 ? plain : "\u0000");
		assertThat(pii.decrypt(sealed)).as("seed %d", seed).isEqualTo(plain);
		assertThat(pii.encrypt(plain)).as("fresh nonce each time, seed %d", seed).isNotEqualTo(sealed);
	}

	@Test
	void keyedHashIsStableNormalisedAndKeyDependent() {
		String first17 = "44030419900307123";
		String number = first17 + IdNumbers.checkCharacter(first17);
		PiiProtection pii = with(KEY);
		assertThat(pii.hashIdNumber(number)).isEqualTo(pii.hashIdNumber(number)).hasSize(64).doesNotContain(number);
		String withX = "11010519491231002X";
		assertThat(pii.hashIdNumber("11010519491231002x")).isEqualTo(pii.hashIdNumber(withX));
		byte[] other = new byte[32];
		other[0] = 1;
		assertThat(with(Base64.getEncoder().encodeToString(other)).hashIdNumber(number))
			.isNotEqualTo(pii.hashIdNumber(number));
	}

	@Test
	void anotherKeyCannotDecryptAndLegacyPlainValuesReadAsTheyAre() {
		String sealed = with(KEY).encrypt("secret");
		byte[] other = new byte[32];
		other[5] = 7;
		assertThatThrownBy(() -> with(Base64.getEncoder().encodeToString(other)).decrypt(sealed))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageNotContaining("secret");
		assertThat(with(KEY).decrypt("eyJhbGciOiJFUzI1NiJ9.legacy.jws")).isEqualTo("eyJhbGciOiJFUzI1NiJ9.legacy.jws");
		assertThat(new Sealed("110105194912310021").toString()).doesNotContain("1101");
	}

	@Test
	void generatesAPrivateKeyFileAtFirstStartAndReusesIt(@TempDir Path dir) throws Exception {
		LicenseProperties properties = new LicenseProperties(dir, "", "http://localhost", Duration.ZERO);
		String sealed = new PiiProtection(properties, "").encrypt("4403");
		Path keyFile = dir.resolve("pii.key");
		assertThat(keyFile).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		assertThat(new PiiProtection(properties, "").decrypt(sealed)).isEqualTo("4403");
	}

	@Test
	void rejectsAShortConfiguredKey() {
		assertThatThrownBy(() -> with(Base64.getEncoder().encodeToString(new byte[16])))
			.isInstanceOf(IllegalStateException.class);
	}

}
