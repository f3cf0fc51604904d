package org.yiwang.license.credential;

import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;

/**
 * Verifies a licence credential (compact JWS or {@link CompactPayload QR payload}) with nothing but a key source
 * and a status source, so the same code runs online (keys from the keystore, status from the register) and
 * offline (published JWKS and cached status lists, see {@link OfflineVerifier}). Never throws on bad input: every
 * failure is a {@link Reason}. Checks stop at the first cryptographic failure (content that is not authentic
 * says nothing), then collect all remaining reasons (e.g. both EXPIRED and REVOKED).
 */
public final class CredentialVerifier {

	/** Public keys by key id. */
	public interface Keys {

		Optional<JWK> find(String kid);

	}

	/** Status of an authentic credential: the reasons among SUSPENDED, REVOKED, TAMPERED, STATUS_UNKNOWN. */
	public interface Statuses {

		Set<Reason> check(Credential credential);

	}

	/**
	 * The parsed, authentic content of a credential as far as a verifier needs it.
	 *
	 * @param jws the compact JWS
	 * @param kid the key id that signed it
	 * @param issuer the credential's issuer id
	 * @param licenseNumber the licence number
	 * @param status the credential's {@code credentialStatus} entries
	 * @param claims the whole credential
	 */
	public record Credential(String jws, String kid, String issuer, String licenseNumber, List<StatusEntry> status,
			Map<String, Object> claims) {
	}

	/** One {@code BitstringStatusListEntry}. */
	public record StatusEntry(String purpose, int index, String listCredential) {
	}

	/**
	 * The outcome.
	 *
	 * @param valid no reason against it
	 * @param reasons why not
	 * @param licenseNumber the licence number when the credential could be read
	 * @param credential the credential, when authentic (signature verified)
	 */
	public record Verification(boolean valid, List<Reason> reasons, String licenseNumber, Credential credential) {

		static Verification failed(Reason reason, String licenseNumber) {
			return new Verification(false, List.of(reason), licenseNumber, null);
		}

	}

	private static final int MAX_INPUT = 32 * 1024;

	private final Keys keys;

	private final Map<String, JWSVerifier> verifiers = new ConcurrentHashMap<>();

	public CredentialVerifier(Keys keys) {
		this.keys = keys;
	}

	public Verification verify(String input, Instant now, Statuses statuses) {
		if (input == null || input.isBlank() || input.length() > MAX_INPUT) {
			return Verification.failed(Reason.MALFORMED, null);
		}
		String token = input.strip();
		JWSObject jws;
		Map<String, Object> vc;
		try {
			if (CompactPayload.isCompact(token)) {
				token = CompactPayload.decode(token);
			}
			jws = JWSObject.parse(token);
			vc = jws.getPayload().toJSONObject();
		}
		catch (ParseException | IllegalArgumentException ex) {
			return Verification.failed(Reason.MALFORMED, null);
		}
		String kid = jws.getHeader().getKeyID();
		String issuer = text(vc, "issuer");
		String number = licenseNumber(vc);
		if (vc == null || kid == null || !JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())
				|| !CredentialSigner.TYPE.equals(jws.getHeader().getType()) || issuer == null
				|| !(vc.get("type") instanceof List<?> types) || !types.contains("VerifiableCredential")
				|| (number == null && !types.contains("BitstringStatusListCredential"))) {
			return Verification.failed(Reason.MALFORMED, number);
		}
		Optional<JWK> key = keys.find(kid);
		if (key.isEmpty() || !(key.get() instanceof ECKey)) {
			return Verification.failed(Reason.UNKNOWN_KEY, number);
		}
		try {
			if (!verifier(kid, (ECKey) key.get()).verify(jws.getHeader(), jws.getSigningInput(),
					jws.getSignature())) {
				return Verification.failed(Reason.BAD_SIGNATURE, number);
			}
		}
		catch (JOSEException ex) {
			return Verification.failed(Reason.BAD_SIGNATURE, number);
		}
		List<StatusEntry> entries;
		Instant validFrom;
		Instant validUntil;
		try {
			entries = statusEntries(vc);
			validFrom = instant(text(vc, "validFrom"));
			validUntil = instant(text(vc, "validUntil"));
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			return Verification.failed(Reason.MALFORMED, number);
		}
		Credential credential = new Credential(token, kid, issuer, number, entries, vc);
		Set<Reason> reasons = EnumSet.noneOf(Reason.class);
		String department = DepartmentKeys.departmentOfKid(kid);
		if (department == null || !DepartmentKeys.issuerId(department).equals(issuer)
				|| (number != null && !department.equals(numberIssuer(number)))) {
			reasons.add(Reason.WRONG_ISSUER);
		}
		if (validFrom != null && now.isBefore(validFrom)) {
			reasons.add(Reason.NOT_YET_VALID);
		}
		if (validUntil != null && now.isAfter(validUntil)) {
			reasons.add(Reason.EXPIRED);
		}
		reasons.addAll(statuses.check(credential));
		return new Verification(reasons.isEmpty(), List.copyOf(reasons), number, credential);
	}

	private JWSVerifier verifier(String kid, ECKey key) throws JOSEException {
		JWSVerifier cached = verifiers.get(kid);
		if (cached == null) {
			cached = new ECDSAVerifier(key);
			if (verifiers.size() < 10_000) {
				verifiers.put(kid, cached);
			}
		}
		return cached;
	}

	/** The department segment of a licence number ({@code <type>-<issuer>-<year>-<serial>-<check>}). */
	static String numberIssuer(String number) {
		String[] parts = number.split("-");
		return parts.length == 5 ? parts[1] : null;
	}

	private static String licenseNumber(Map<String, Object> vc) {
		if (vc != null && vc.get("credentialSubject") instanceof Map<?, ?> subject
				&& subject.get("license") instanceof Map<?, ?> license && license.get("number") instanceof String n) {
			return n;
		}
		return null;
	}

	private static List<StatusEntry> statusEntries(Map<String, Object> vc) {
		Object raw = vc.get("credentialStatus");
		List<?> list = raw instanceof List<?> l ? l : raw == null ? List.of() : List.of(raw);
		List<StatusEntry> entries = new ArrayList<>();
		for (Object item : list) {
			if (item instanceof Map<?, ?> entry && "BitstringStatusListEntry".equals(entry.get("type"))) {
				entries.add(new StatusEntry(String.valueOf(entry.get("statusPurpose")),
						Integer.parseInt(String.valueOf(entry.get("statusListIndex"))),
						String.valueOf(entry.get("statusListCredential"))));
			}
		}
		return entries;
	}

	private static String text(Map<String, Object> map, String key) {
		if (map == null) {
			return null;
		}
		Object value = map.get(key);
		if (value instanceof Map<?, ?> object && object.get("id") instanceof String id) {
			return id;
		}
		return value instanceof String s ? s : null;
	}

	private static Instant instant(String text) {
		return text == null ? null : OffsetDateTime.parse(text).toInstant();
	}

}
