package org.yiwang.license.credential;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.JWK;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yiwang.license.LicenseProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever it is given, the verifier answers with reasons and never throws; no single-character change to a
 * signed licence (JWS or QR) verifies.
 */
class CredentialVerifierTests {

	static DepartmentKeys keys;

	static String jws;

	static CredentialVerifier verifier;

	static final Instant NOW = Instant.now();

	@BeforeAll
	static void sign() throws Exception {
		LicenseProperties properties = new LicenseProperties(Files.createTempDirectory("verifier-keys"), "",
				"http://localhost:8080", Duration.ofSeconds(60));
		keys = new DepartmentKeys(properties);
		jws = new CredentialSigner(keys, properties)
			.sign(new CredentialClaims("FOOD_BUSINESS-SCJG-2026-000042-7", "FOOD_BUSINESS", "食品经营许可证", "holder",
					"张三餐饮店（演示）", "SCJG", NOW, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)),
					Map.of("seats", 48), "APP-1", "CASE-1", "44030000SCJG-XK-0001", 42, null))
			.jws();
		verifier = new CredentialVerifier(kid -> keys.publicKey(kid).map(k -> (JWK) k));
	}

	static CredentialVerifier.Verification verify(String input) {
		return verifier.verify(input, NOW, c -> Set.of());
	}

	static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	static Stream<Long> seeds300() {
		return LongStream.range(0, 300).boxed();
	}

	static Stream<Long> seeds100() {
		return LongStream.range(0, 100).boxed();
	}

	/**
	 * 0..255 characters: every fourth seed a JWS-shaped string (base64url segments with dots) or a QR-looking
	 * prefix, otherwise ASCII mixed with any BMP character.
	 */
	static String anyString(Random random) {
		int length = random.nextInt(256);
		StringBuilder text = new StringBuilder(length);
		boolean shaped = random.nextInt(4) == 0;
		for (int i = 0; i < length; i++) {
			if (shaped) {
				text.append(random.nextInt(20) == 0 ? '.' : BASE64URL.charAt(random.nextInt(BASE64URL.length())));
			}
			else if (random.nextBoolean()) {
				text.append((char) (0x20 + random.nextInt(0x5f)));
			}
			else {
				text.append((char) random.nextInt(0x10000));
			}
		}
		return text.toString();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds300")
	void anyStringIsAnsweredNeverThrown(long seed) {
		String input = seed == 0 ? "" : anyString(new Random(seed));
		CredentialVerifier.Verification result = verify(input);
		assertThat(result.valid()).as("seed %d", seed).isFalse();
		assertThat(result.reasons()).as("seed %d", seed).isNotEmpty();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds300")
	void noSingleCharacterChangeVerifies(long seed) {
		Random random = new Random(seed);
		int position = random.nextInt(100_001);
		char replacement = BASE64URL.charAt(random.nextInt(BASE64URL.length()));
		assertThat(verify(jws).valid()).isTrue();
		int at = position % jws.length();
		// the last character of a base64url segment may carry only padding bits: skip those and the separators
		if (jws.charAt(at) == '.' || at + 1 == jws.length() || jws.charAt(at + 1) == '.'
				|| jws.charAt(at) == replacement) {
			return;
		}
		String mutated = jws.substring(0, at) + replacement + jws.substring(at + 1);
		assertThat(verify(mutated).valid()).as("seed %d: mutated at %d", seed, at).isFalse();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds100")
	void truncatedQrPayloadsAreMalformed(long seed) {
		int cut = new Random(seed).nextInt(100_001);
		String qr = CompactPayload.encode(jws);
		assertThat(verify(qr).valid()).isTrue();
		int at = 4 + cut % (qr.length() - 4);
		assertThat(verify(qr.substring(0, at)).valid()).as("seed %d: cut at %d", seed, at).isFalse();
	}

}
