package org.yiwang.license;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import org.junit.jupiter.api.Test;
import org.yiwang.license.credential.CompactPayload;
import org.yiwang.license.credential.DepartmentKeys;
import org.yiwang.license.license.License;
import org.yiwang.shared.testing.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Licences as signed W3C verifiable credentials: format, public verification with every failure reason on
 * tampered / forged / expired samples, key rotation, and who may see what.
 */
class LicenseCredentialTests extends LicenseTestSupport {

	@Autowired
	DepartmentKeys keys;

	ResultActions verify(String credential) throws Exception {
		return mvc.perform(post("/api/v1/licenses/verify").contentType(MediaType.APPLICATION_JSON)
			.content(verifyBody(credential)));
	}

	@Test
	void issuedLicenceIsAVerifiableCredentialSignedByTheIssuingDepartment() throws Exception {
		License license = issue("holder-vc");
		JWSObject jws = JWSObject.parse(license.getCredential());
		assertThat(jws.getHeader().getType().getType()).isEqualTo("vc+jwt");
		assertThat(jws.getHeader().getContentType()).isEqualTo("vc");
		assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
		assertThat(jws.getHeader().getKeyID()).startsWith("urn:yiwang:department:SCJG#key-");
		String vc = jws.getPayload().toString();
		assertThat((List<String>) JsonPath.read(vc, "$['@context']")).first()
			.isEqualTo("https://www.w3.org/ns/credentials/v2");
		assertThat((List<String>) JsonPath.read(vc, "$.type")).contains("VerifiableCredential");
		assertThat((String) JsonPath.read(vc, "$.id")).isEqualTo("urn:yiwang:license:" + license.getNumber());
		assertThat((String) JsonPath.read(vc, "$.issuer")).isEqualTo("urn:yiwang:department:SCJG");
		assertThat((String) JsonPath.read(vc, "$.credentialSubject.id")).isEqualTo("urn:yiwang:subject:holder-vc");
		assertThat((String) JsonPath.read(vc, "$.credentialSubject.name")).isEqualTo("张三餐饮店（演示）");
		assertThat((String) JsonPath.read(vc, "$.credentialSubject.license.number")).isEqualTo(license.getNumber());
		assertThat((String) JsonPath.read(vc, "$.credentialSubject.license.fields.businessScope"))
			.isEqualTo("热食类食品制售（演示数据）");
		assertThat((String) JsonPath.read(vc, "$.credentialSubject.application.caseId"))
			.isEqualTo(license.getCaseId());
		assertThat((String) JsonPath.read(vc, "$.validUntil")).endsWith("T23:59:59+08:00");
		assertThat((List<String>) JsonPath.read(vc, "$.credentialStatus[*].statusPurpose"))
			.containsExactly("revocation", "suspension");
		assertThat((List<String>) JsonPath.read(vc, "$.credentialStatus[*].statusListIndex"))
			.containsOnly(String.valueOf(license.getStatusIndex()));

		// anyone may verify it, without a token
		verify(license.getCredential()).andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.reasons").isEmpty())
			.andExpect(jsonPath("$.licenseNumber").value(license.getNumber()))
			.andExpect(jsonPath("$.issuer").value("urn:yiwang:department:SCJG"));
		// and the public key is published
		String jwks = mvc.perform(get("/api/v1/licenses/jwks"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("public")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		JWKSet set = JWKSet.parse(jwks);
		assertThat(set.getKeyByKeyId(jws.getHeader().getKeyID())).isNotNull();
		assertThat(set.getKeys()).allMatch(k -> !k.isPrivate());
	}

	@Test
	void qrPayloadCarriesTheWholeCredentialInLessSpace() throws Exception {
		License license = issue("holder-qr");
		String body = mvc.perform(get("/api/v1/licenses/" + license.getNumber() + "/credential")
			.with(TestJwts.citizen("holder-qr"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		String qr = JsonPath.read(body, "$.qrPayload");
		assertThat(qr).startsWith("YW1:");
		assertThat(qr.length()).isLessThan(license.getCredential().length() * 3 / 4);
		assertThat(CompactPayload.decode(qr)).isEqualTo(license.getCredential());
		verify(qr).andExpect(jsonPath("$.valid").value(true));

		mvc.perform(get("/api/v1/licenses/" + license.getNumber() + "/credential").with(TestJwts.citizen("other")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/licenses/" + license.getNumber() + "/credential"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void garbageIsMalformedNeverAServerError() throws Exception {
		for (String garbage : List.of("garbage", "a.b.c", "eyJhbGciOiJFUzI1NiJ9.e30.AAAA", "YW1:%%%", "YW1:AAAA",
				"YW1:" + Base64.getUrlEncoder().encodeToString("not deflate".getBytes()), "....", "\\u0000")) {
			verify(garbage).andExpect(status().isOk())
				.andExpect(jsonPath("$.valid").value(false))
				.andExpect(jsonPath("$.reasons", contains("MALFORMED")));
		}
		// a JWS of a plain JWT (not a credential)
		ECKey key = new ECKeyGenerator(Curve.P_256).generate();
		verify(jws(key, "k1", Map.of("sub", "x"))).andExpect(jsonPath("$.reasons", contains("MALFORMED")));
		// the request itself unusable: 400 naming the field
		mvc.perform(post("/api/v1/licenses/verify").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("credential"));
		mvc.perform(post("/api/v1/licenses/verify").contentType(MediaType.APPLICATION_JSON).content("{\"credential\":"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/licenses/verify").contentType(MediaType.APPLICATION_JSON)
			.content(verifyBody("x".repeat(40_000)))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("credential"));
	}

	@Test
	void eachFailureReasonHasItsSample() throws Exception {
		License license = issue("holder-reasons");
		JWSObject original = JWSObject.parse(license.getCredential());
		Map<String, Object> payload = original.getPayload().toJSONObject();
		String[] parts = license.getCredential().split("\\.");

		// TAMPERED: the holder's name changed on an issued licence, the original signature kept
		Map<String, Object> altered = new LinkedHashMap<>(payload);
		Map<String, Object> subject = new LinkedHashMap<>((Map<String, Object>) payload.get("credentialSubject"));
		subject.put("name", "王五（冒用）");
		altered.put("credentialSubject", subject);
		String tampered = parts[0] + "." + Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new com.nimbusds.jose.Payload(altered).toString().getBytes(StandardCharsets.UTF_8)) + "."
				+ parts[2];
		verify(tampered).andExpect(jsonPath("$.valid").value(false)).andExpect(jsonPath("$.reasons", contains("TAMPERED")));

		// BAD_SIGNATURE: a forger's own key under SCJG's real key id, for a licence that was never issued
		ECKey forger = new ECKeyGenerator(Curve.P_256).generate();
		Map<String, Object> invented = new LinkedHashMap<>(payload);
		Map<String, Object> inventedSubject = new LinkedHashMap<>(subject);
		inventedSubject.put("license", Map.of("number", "FOOD_BUSINESS-SCJG-2026-999999-X"));
		invented.put("credentialSubject", inventedSubject);
		verify(jws(forger, original.getHeader().getKeyID(), invented))
			.andExpect(jsonPath("$.reasons", contains("BAD_SIGNATURE")));

		// UNKNOWN_KEY: a key id nobody published
		verify(jws(forger, "urn:yiwang:department:SCJG#key-999999", payload))
			.andExpect(jsonPath("$.reasons", contains("UNKNOWN_KEY")));

		// WRONG_ISSUER: SCJG's genuine key signing a licence that claims to be WSJK's
		Map<String, Object> otherIssuer = new LinkedHashMap<>(payload);
		otherIssuer.put("issuer", "urn:yiwang:department:WSJK");
		ECKey scjg = keys.activeKey("SCJG");
		verify(jws(scjg, scjg.getKeyID(), otherIssuer)).andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.reasons", hasItem("WRONG_ISSUER")));

		// EXPIRED: a one-year licence issued two years ago
		License old = issueAt("holder-reasons", Instant.now().minus(Duration.ofDays(730)), 1);
		verify(old.getCredential()).andExpect(jsonPath("$.reasons", contains("EXPIRED")));

		// NOT_YET_VALID: a licence dated from next week
		License future = issueAt("holder-reasons", Instant.now().plus(Duration.ofDays(7)), 1);
		verify(future.getCredential()).andExpect(jsonPath("$.reasons", contains("NOT_YET_VALID")));

		// the genuine one is still fine
		verify(license.getCredential()).andExpect(jsonPath("$.valid").value(true));
	}

	@Test
	void licencesStoredBeforeCredentialsGetSigned() throws Exception {
		String caseId = "CASE-legacy-" + java.util.UUID.randomUUID();
		License legacy = License.issue(org.yiwang.license.license.LicenseNumber.of("FOOD_BUSINESS", "SCJG", 2025,
				800_000 + (long) (Math.random() * 99_999)),
				new License.Issuance("FOOD_BUSINESS", "食品经营许可证",
						org.yiwang.license.license.Holder.unboundPerson("holder-legacy", "老字号面馆（演示）"), "SCJG", caseId,
						"APP-" + caseId, "44030000SCJG-XK-0001", 5, Map.of()),
				Instant.now(), 0, null);
		licenses.insert(legacy);
		assertThat(issuer.signUnsigned()).isGreaterThanOrEqualTo(1);
		License signed = licenses.findById(legacy.getNumber()).orElseThrow();
		assertThat(signed.getCredential()).isNotNull();
		verify(signed.getCredential()).andExpect(jsonPath("$.valid").value(true));
		assertThat(issuer.signUnsigned()).isZero();
	}

	@Test
	void rotatedKeysKeepOlderLicencesValid() throws Exception {
		License before = issue("holder-rotation", "STHJ", 3);
		String oldKid = before.getCredentialKid();

		mvc.perform(post("/api/v1/licenses/keys/STHJ/rotation").with(TestJwts.officer("officer-sthj", "STHJ")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/licenses/keys/STHJ/rotation").with(TestJwts.deptAdmin("admin-scjg", "SCJG")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/licenses/keys/STHJ/rotation")).andExpect(status().isUnauthorized());
		String rotated = mvc.perform(post("/api/v1/licenses/keys/STHJ/rotation")
			.with(TestJwts.deptAdmin("admin-sthj", "STHJ"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		String newKid = JsonPath.read(rotated, "$.kid");
		assertThat(newKid).isNotEqualTo(oldKid).startsWith("urn:yiwang:department:STHJ#key-");

		License after = issue("holder-rotation", "STHJ", 3);
		assertThat(after.getCredentialKid()).isEqualTo(newKid);
		verify(before.getCredential()).andExpect(jsonPath("$.valid").value(true));
		verify(after.getCredential()).andExpect(jsonPath("$.valid").value(true));

		String jwks = mvc.perform(get("/api/v1/licenses/jwks/STHJ")).andExpect(status().isOk()).andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((List<String>) JsonPath.read(jwks, "$.keys[*].kid")).contains(oldKid, newKid)
			.allMatch(kid -> kid.startsWith("urn:yiwang:department:STHJ#"));

		// a restarted service reads the same keystore: old and new keys are still there
		DepartmentKeys reopened = new DepartmentKeys(new LicenseProperties(
				java.nio.file.Path.of("target/test-license-keys/credential"), "", "http://localhost:8080",
				Duration.ofSeconds(60)));
		assertThat(reopened.publicKey(oldKid)).isPresent();
		assertThat(reopened.activeKey("STHJ").getKeyID()).isEqualTo(newKid);
	}

}
