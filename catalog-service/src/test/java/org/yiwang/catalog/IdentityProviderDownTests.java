package org.yiwang.catalog;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.testing.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Keycloak's signing keys cannot be fetched (nothing listens at the key set's address): a bearer token that needs
 * them is "could not be checked now" — 503 with Retry-After, as a problem — not the caller's 401 and not a 500.
 */
@SpringBootTest(properties = "platform.security.jwk-set-uri=http://127.0.0.1:1/realms/gov/protocol/openid-connect/certs")
@AutoConfigureMockMvc
class IdentityProviderDownTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "catalog-idp-down-test");
	}

	@Autowired
	MockMvc mvc;

	@Test
	void aTokenThatCannotBeCheckedIsAServiceUnavailableProblem() throws Exception {
		mvc.perform(get("/api/v1/catalog/items").header("Authorization", "Bearer " + token()))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("https://yiwang.dev/problems/identity-provider-unavailable"));
		// a malformed token is still the caller's mistake
		mvc.perform(get("/api/v1/catalog/items").header("Authorization", "Bearer not-a-jwt"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("https://yiwang.dev/problems/unauthenticated"));
	}

	private static String token() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		Instant now = Instant.now();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
				new JWTClaimsSet.Builder().issuer("http://localhost:8180/realms/gov")
					.subject("user-1")
					.audience("yiwang-api")
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plusSeconds(300)))
					.build());
		jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
		return jwt.serialize();
	}

}
