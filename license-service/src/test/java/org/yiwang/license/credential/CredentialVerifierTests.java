package org.yiwang.license.credential;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.JWK;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
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

	@BeforeContainer
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

	@Property(tries = 300)
	void anyStringIsAnsweredNeverThrown(@ForAll String input) {
		CredentialVerifier.Verification result = verify(input);
		assertThat(result.valid()).isFalse();
		assertThat(result.reasons()).isNotEmpty();
	}

	@Property(tries = 300)
	void noSingleCharacterChangeVerifies(@ForAll("positions") int position, @ForAll("base64url") char replacement) {
		assertThat(verify(jws).valid()).isTrue();
		int at = position % jws.length();
		// the last character of a base64url segment may carry only padding bits: skip those and the separators
		if (jws.charAt(at) == '.' || at + 1 == jws.length() || jws.charAt(at + 1) == '.'
				|| jws.charAt(at) == replacement) {
			return;
		}
		String mutated = jws.substring(0, at) + replacement + jws.substring(at + 1);
		assertThat(verify(mutated).valid()).as("mutated at %d", at).isFalse();
	}

	@Property(tries = 100)
	void truncatedQrPayloadsAreMalformed(@ForAll("positions") int cut) {
		String qr = CompactPayload.encode(jws);
		assertThat(verify(qr).valid()).isTrue();
		int at = 4 + cut % (qr.length() - 4);
		assertThat(verify(qr.substring(0, at)).valid()).isFalse();
	}

	@Provide
	Arbitrary<Integer> positions() {
		return Arbitraries.integers().between(0, 100_000);
	}

	@Provide
	Arbitrary<Character> base64url() {
		return Arbitraries.of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".chars()
			.mapToObj(c -> (char) c)
			.toList());
	}

}
