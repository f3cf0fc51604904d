package org.yiwang.license.credential;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import org.yiwang.license.LicenseProperties;

import org.springframework.stereotype.Component;

/**
 * Turns a licence into a W3C Verifiable Credential 2.0 secured with JOSE (VC-JOSE-COSE): the unsecured credential
 * is the JWS payload, header {@code typ: vc+jwt}, {@code cty: vc}, ES256, {@code kid} of the issuing department's
 * active key. Status list credentials are signed the same way.
 */
@Component
public class CredentialSigner {

	public static final JOSEObjectType TYPE = new JOSEObjectType("vc+jwt");

	public static final String CONTENT_TYPE = "vc";

	public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";

	public static final String LICENSE_CONTEXT = "https://yiwang.gov.cn/ns/license/v1";

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final DepartmentKeys keys;

	private final String baseUrl;

	public CredentialSigner(DepartmentKeys keys, LicenseProperties properties) {
		this.keys = keys;
		this.baseUrl = properties.publicBaseUrl().replaceAll("/+$", "");
	}

	/** The credential id of a licence. */
	public static String credentialId(String number) {
		return "urn:yiwang:license:" + number;
	}

	public String statusListUrl(String department, String purpose) {
		return baseUrl + "/api/v1/licenses/status-lists/" + department + "/" + purpose;
	}

	/** A signed credential (compact JWS) and the key id it was signed with. */
	public record Signed(String jws, String kid) {
	}

	/** The signed licence credential. */
	public Signed sign(CredentialClaims c) {
		Map<String, Object> vc = new LinkedHashMap<>();
		vc.put("@context", List.of(VC_CONTEXT, LICENSE_CONTEXT));
		vc.put("id", credentialId(c.number()));
		vc.put("type", List.of("VerifiableCredential", "LicenseCredential"));
		vc.put("issuer", DepartmentKeys.issuerId(c.department()));
		vc.put("name", c.typeName());
		vc.put("validFrom", dateTime(c.validFrom()));
		if (c.validUntil() != null) {
			vc.put("validUntil", dateTime(c.validUntil()));
		}
		Map<String, Object> license = new LinkedHashMap<>();
		license.put("number", c.number());
		license.put("type", c.type());
		license.put("typeName", c.typeName());
		license.put("issuingDepartment", c.department());
		license.put("issuedAt", dateTime(c.issuedAt()));
		license.put("fields", c.fields() == null ? Map.of() : c.fields());
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("applicationId", c.applicationId());
		application.put("caseId", c.caseId());
		application.put("itemCode", c.itemCode());
		Map<String, Object> subject = new LinkedHashMap<>();
		CredentialClaims.HolderClaims h = c.holder();
		boolean enterprise = h != null && "ENTERPRISE".equals(h.type());
		subject.put("id", enterprise ? "urn:yiwang:enterprise:" + h.identifier()
				: "urn:yiwang:subject:" + c.holderSubject());
		subject.put("name", c.holderName());
		if (h != null) {
			Map<String, Object> holder = new LinkedHashMap<>();
			holder.put("type", h.type());
			holder.put("identifierType", h.identifierType());
			holder.put("identifier", h.identifier());
			holder.put("name", c.holderName());
			holder.put("identityBound", h.identityBound());
			subject.put("holder", holder);
			if (enterprise && h.agentSubject() != null) {
				Map<String, Object> agent = new LinkedHashMap<>();
				agent.put("id", "urn:yiwang:subject:" + h.agentSubject());
				agent.put("name", h.agentName());
				subject.put("agent", agent);
			}
		}
		subject.put("license", license);
		subject.put("application", application);
		vc.put("credentialSubject", subject);
		vc.put("credentialStatus", List.of(statusEntry(c, "revocation"), statusEntry(c, "suspension")));
		return sign(c.department(), vc);
	}

	/** A Bitstring Status List credential of one department and purpose. */
	public String signStatusList(String department, String purpose, BitstringStatusList list, Instant now,
			long ttlMillis) {
		String url = statusListUrl(department, purpose);
		Map<String, Object> subject = new LinkedHashMap<>();
		subject.put("id", url + "#list");
		subject.put("type", "BitstringStatusList");
		subject.put("statusPurpose", purpose);
		subject.put("ttl", ttlMillis);
		subject.put("encodedList", list.encode());
		Map<String, Object> vc = new LinkedHashMap<>();
		vc.put("@context", List.of(VC_CONTEXT));
		vc.put("id", url);
		vc.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
		vc.put("issuer", DepartmentKeys.issuerId(department));
		vc.put("validFrom", dateTime(now));
		vc.put("credentialSubject", subject);
		return sign(department, vc).jws();
	}

	private Map<String, Object> statusEntry(CredentialClaims c, String purpose) {
		String list = statusListUrl(c.department(), purpose);
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("id", list + "#" + c.statusIndex());
		entry.put("type", "BitstringStatusListEntry");
		entry.put("statusPurpose", purpose);
		entry.put("statusListIndex", String.valueOf(c.statusIndex()));
		entry.put("statusListCredential", list);
		return entry;
	}

	private Signed sign(String department, Map<String, Object> credential) {
		ECKey key = keys.activeKey(department);
		JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE)
			.contentType(CONTENT_TYPE)
			.keyID(key.getKeyID())
			.build(), new Payload(credential));
		try {
			jws.sign(new ECDSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot sign with " + key.getKeyID(), ex);
		}
		return new Signed(jws.serialize(), key.getKeyID());
	}

	static String dateTime(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZONE).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

}
