package org.yiwang.license.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.yiwang.license.credential.CredentialVerifier;
import org.yiwang.license.credential.DepartmentKeys;
import org.yiwang.license.credential.Reason;
import org.yiwang.license.LicenseProperties;
import org.yiwang.license.license.LicenseVerifier;
import org.yiwang.license.license.StatusLists;
import org.yiwang.shared.identity.IdNumbers;
import org.yiwang.shared.web.NotFoundException;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ForbiddenException;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The public side of e-licences: the departments' public keys (JWKS) and verification. Both need no token, so that
 * anyone shown a licence — a shop's customer, an inspector, another province's system — can check it.
 *
 * <p>
 * Verification answers 200 with {@code valid=false} and reason codes for any credential it cannot accept,
 * including garbage ({@code MALFORMED}); it answers 400 only when the request itself is unusable (no
 * {@code credential} field, or longer than 32 KiB), naming the field.
 */
@RestController
@Validated
@RequestMapping("/api/v1/licenses")
class CredentialController {

	static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

	static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");

	private final DepartmentKeys keys;

	private final LicenseVerifier verifier;

	private final StatusLists statusLists;

	private final LicenseProperties properties;

	CredentialController(DepartmentKeys keys, LicenseVerifier verifier, StatusLists statusLists,
			LicenseProperties properties) {
		this.keys = keys;
		this.verifier = verifier;
		this.statusLists = statusLists;
		this.properties = properties;
	}

	@GetMapping("/jwks")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
			.contentType(JWK_SET)
			.body(keys.publicJwks().toJSONObject(true));
	}

	@GetMapping("/jwks/{department}")
	ResponseEntity<Map<String, Object>> jwks(@PathVariable @Pattern(regexp = "[A-Z0-9]{1,16}") String department) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
			.contentType(JWK_SET)
			.body(keys.publicJwks(department).toJSONObject(true));
	}

	@PostMapping("/verify")
	VerificationView verify(@RequestBody @Valid VerifyRequest request) {
		return VerificationView.of(verifier.verify(request.credential()), Instant.now());
	}

	/**
	 * A department's W3C Bitstring Status List credential ({@code vc+jwt}) for {@code revocation} or
	 * {@code suspension}; public and cacheable, with an ETag for conditional requests.
	 */
	@GetMapping("/status-lists/{department}/{purpose}")
	ResponseEntity<String> statusList(@PathVariable @Pattern(regexp = "[A-Z0-9]{1,16}") String department,
			@PathVariable @Pattern(regexp = "revocation|suspension") String purpose, WebRequest request) {
		StatusLists.Published list = statusLists.published(department, purpose)
			.orElseThrow(() -> new NotFoundException("no status list " + department + "/" + purpose));
		if (request.checkNotModified(list.etag())) {
			return null;
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(properties.statusListCacheTtl()).cachePublic())
			.eTag(list.etag())
			.contentType(VC_JWT)
			.body(list.credential());
	}

	/** Rotates a department's signing key: its own department administrator, or a platform administrator. */
	@PostMapping("/keys/{department}/rotation")
	Map<String, String> rotate(@PathVariable @Pattern(regexp = "[A-Z0-9]{1,16}") String department) {
		CurrentUser user = CurrentUser.current();
		if (!user.hasRole(CurrentUser.PLATFORM_ADMIN)) {
			if (!user.hasRole(CurrentUser.DEPT_ADMIN)) {
				throw new ForbiddenException("only a department administrator rotates signing keys");
			}
			user.requireDepartment(department);
		}
		return Map.of("department", department, "kid", keys.rotate(department).getKeyID());
	}

	/**
	 * @param credential the licence as compact JWS ({@code vc+jwt}) or QR payload ({@code YW1:…})
	 */
	record VerifyRequest(@NotBlank @Size(max = 32768) String credential) {
	}

	/**
	 * @param valid whether the licence is authentic and currently in force
	 * @param reasons why not: MALFORMED, UNKNOWN_KEY, BAD_SIGNATURE, TAMPERED, WRONG_ISSUER, NOT_YET_VALID,
	 * EXPIRED, SUSPENDED, REVOKED, STATUS_UNKNOWN
	 * @param licenseNumber the licence number, when readable
	 * @param issuer the issuer id, when authentic
	 * @param name the licence name, when authentic
	 * @param validUntil end of validity, when authentic
	 * @param holder who holds it, when authentic: type, identifier type, identifier (an ID number MASKED), name
	 * @param fields the licence's data fields, when authentic
	 * @param checkedAt when
	 */
	record VerificationView(boolean valid, List<Reason> reasons, String licenseNumber, String issuer, Object name,
			Object validUntil, HolderView holder, Object fields, Instant checkedAt) {

		static VerificationView of(CredentialVerifier.Verification v, Instant now) {
			CredentialVerifier.Credential c = v.credential();
			return new VerificationView(v.valid(), v.reasons(), v.licenseNumber(), c == null ? null : c.issuer(),
					c == null ? null : c.claims().get("name"), c == null ? null : c.claims().get("validUntil"),
					c == null ? null : HolderView.of(c.claims()), c == null ? null : fields(c.claims()), now);
		}

		private static Object fields(Map<String, Object> claims) {
			if (claims.get("credentialSubject") instanceof Map<?, ?> subject
					&& subject.get("license") instanceof Map<?, ?> license) {
				return license.get("fields");
			}
			return null;
		}

	}

	/**
	 * The holder of a verified licence as the public may see it.
	 *
	 * @param type PERSON or ENTERPRISE
	 * @param identifierType ID_NUMBER, USCC or PLATFORM_SUBJECT
	 * @param identifier USCC in full, an ID number masked
	 * @param name holder name
	 * @param identityBound false when the person had no bound real-name identity at issuance
	 */
	record HolderView(String type, String identifierType, String identifier, String name, Boolean identityBound) {

		static HolderView of(Map<String, Object> claims) {
			if (!(claims.get("credentialSubject") instanceof Map<?, ?> subject)) {
				return null;
			}
			String name = subject.get("name") instanceof String n ? n : null;
			if (!(subject.get("holder") instanceof Map<?, ?> holder)) {
				return new HolderView(null, null, null, name, null);
			}
			String idType = String.valueOf(holder.get("identifierType"));
			String identifier = holder.get("identifier") instanceof String i ? i : null;
			return new HolderView(String.valueOf(holder.get("type")), idType,
					"USCC".equals(idType) ? identifier : IdNumbers.mask(identifier), name,
					holder.get("identityBound") instanceof Boolean b ? b : null);
		}

	}

}
