package org.yiwang.bench.peer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Signs the peer's licences as the platform signs its own: a compact JWS (ES256) over a credential naming the
 * licence, its holder, issuer, validity and fields. One P-256 key per JVM (the peer has no key management; the
 * platform's key lookup is not what is compared).
 */
final class LicenceSigner {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private static final KeyPair KEY = generate();

	private LicenceSigner() {
	}

	static String sign(String number, String type, String issuer, String holder, Instant issuedAt, Object fields) {
		Map<String, Object> header = Map.of("alg", "ES256", "typ", "vc+jwt", "kid", "peer-" + issuer);
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("id", holder);
		subject.put("licenceNumber", number);
		subject.put("licenceType", type);
		subject.put("fields", fields == null ? Map.of() : fields.toString());
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", "peer:" + issuer);
		claims.put("sub", holder);
		claims.put("jti", number);
		claims.put("iat", issuedAt.getEpochSecond());
		claims.put("nbf", issuedAt.getEpochSecond());
		claims.put("exp", issuedAt.plus(3 * 365, ChronoUnit.DAYS).getEpochSecond());
		claims.put("vc", Map.of("type", new String[] { "VerifiableCredential", "License" }, "credentialSubject", subject));
		String signingInput = B64.encodeToString(JSON.writeValueAsBytes(header)) + '.'
				+ B64.encodeToString(JSON.writeValueAsBytes(claims));
		try {
			Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
			signature.initSign(KEY.getPrivate());
			signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
			return signingInput + '.' + B64.encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("signing licence " + number, ex);
		}
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("no EC P-256 on this JVM", ex);
		}
	}

}
