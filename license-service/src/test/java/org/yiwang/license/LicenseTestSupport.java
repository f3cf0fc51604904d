package org.yiwang.license;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import org.yiwang.license.credential.CredentialSigner;
import org.yiwang.license.license.Holder;
import org.yiwang.license.license.License;
import org.yiwang.license.license.LicenseIssuer;
import org.yiwang.license.license.LicenseNumber;
import org.yiwang.license.license.Licenses;
import org.yiwang.shared.testing.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One application context (real Kafka broker, Mongo wire server, keystore in {@code target/}) shared by the
 * credential, status and sharing tests; licences are issued through the real {@link LicenseIssuer}.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class LicenseTestSupport {

	protected static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "license-credential-test");
		registry.add("platform.license.keys-dir", () -> "target/test-license-keys/credential");
		registry.add("platform.license.reminders.cron", () -> "-");
		// its own group for catalog events, so no other test context in this JVM takes partitions from it
		registry.add("platform.license.catalog-consumer-group", () -> "license-credential-test-catalog");
		registry.add("platform.license.application-consumer-group", () -> "license-credential-test-application");
		registry.add("platform.license.identity-consumer-group", () -> "license-credential-test-identity");
		registry.add("platform.license.pending.retry-interval-ms", () -> "400");
		registry.add("platform.license.pending.max-backoff-ms", () -> "800");
		registry.add("platform.license.identity.timeout", () -> "1s");
		registry.add("platform.license.identity.retry-wait", () -> "50ms");
		registry.add("platform.license.identity.wait-in-open-state", () -> "1s");
		IdentityStub.register(registry);
	}

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected Licenses licenses;

	@Autowired
	protected LicenseIssuer issuer;

	@Autowired
	protected CredentialSigner signer;

	@Autowired
	protected MongoTemplate mongo;

	/** A food business licence of SCJG for the holder, issued now through the real issuer. */
	protected License issue(String holder) {
		return issue(holder, "SCJG", 5);
	}

	protected License issue(String holder, String department, int years) {
		String caseId = "CASE-" + UUID.randomUUID();
		return issuer
			.issue(new License.Issuance("FOOD_BUSINESS", "食品经营许可证",
					Holder.person(holder, "张三餐饮店（演示）", IdentityStub.idNumber(holder)), department, caseId,
					"APP-" + caseId, "44030000" + department + "-XK-0001", years,
					Map.of("businessScope", "热食类食品制售（演示数据）", "premisesAddress", "深圳市福田区演示路1号")))
			.orElseThrow();
	}

	/**
	 * A licence issued at another time (e.g. years ago, or dated in the future), signed and registered like any
	 * other, for expiry and not-yet-valid samples.
	 */
	protected License issueAt(String holder, Instant issuedAt, int years) {
		String caseId = "CASE-" + UUID.randomUUID();
		License license = License.issue(
				LicenseNumber.of("FOOD_BUSINESS", "SCJG", java.time.LocalDate.ofInstant(issuedAt, SHANGHAI).getYear(),
						100_000 + (long) (Math.random() * 899_999)),
				new License.Issuance("FOOD_BUSINESS", "食品经营许可证", Holder.unboundPerson(holder, "李四小吃（演示）"), "SCJG",
						caseId, "APP-" + caseId, "44030000SCJG-XK-0001", years, Map.of()),
				issuedAt, (int) (Math.random() * 131_072), null);
		CredentialSigner.Signed signed = signer.sign(LicenseIssuer.claims(license));
		license.secure(signed.jws(), signed.kid());
		return licenses.insert(license);
	}

	/** A JWS shaped like a licence credential, signed with any key under any key id: for forgeries. */
	protected static String jws(ECKey key, String kid, Map<String, Object> payload) throws Exception {
		JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("vc+jwt"))
			.contentType("vc")
			.keyID(kid)
			.build(), new Payload(payload));
		jws.sign(new ECDSASigner(key));
		return jws.serialize();
	}

	protected static String verifyBody(String credential) {
		return "{\"credential\":\"" + credential + "\"}";
	}

}
