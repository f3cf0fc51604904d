package org.yiwang.shared.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every service (and, with the same validator, the gateway) accepts: a token signed by the realm key, from
 * the realm issuer, for the platform audience, within its lifetime — and nothing else.
 */
class JwtValidationTests {

	static final String ISSUER = "http://localhost:8180/realms/gov";

	static KeyPair realmKey;

	static KeyPair otherKey;

	static NimbusJwtDecoder decoder;

	@BeforeAll
	static void keys() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		realmKey = generator.generateKeyPair();
		otherKey = generator.generateKeyPair();
		decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) realmKey.getPublic()).build();
		decoder.setJwtValidator(JwtValidation.validator(new PlatformSecurityProperties(ISSUER, null, "yiwang-api", Map.of())));
	}

	static JWTClaimsSet.Builder claims() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject("user-1")
			.audience(List.of("yiwang-api", "account"))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("realm_access", Map.of("roles", List.of("citizen")))
			.claim("azp", "yiwang-cli");
	}

	static String sign(JWTClaimsSet claims, KeyPair key) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		jwt.sign(new RSASSASigner(key.getPrivate()));
		return jwt.serialize();
	}

	@Test
	void acceptsAValidRealmTokenAndMapsRealmRoles() throws Exception {
		Jwt jwt = decoder.decode(sign(claims().build(), realmKey));
		assertThat(new KeycloakJwtAuthenticationConverter().convert(jwt).getAuthorities())
			.extracting(Object::toString)
			.contains("ROLE_citizen");
		assertThat(CurrentUser.from(jwt).hasRole("citizen")).isTrue();
	}

	@Test
	void acceptsAudienceAsASingleString() throws Exception {
		assertThat(decoder.decode(sign(claims().audience("yiwang-api").build(), realmKey)).getSubject())
			.isEqualTo("user-1");
	}

	@Test
	void rejectsWrongIssuer() throws Exception {
		String token = sign(claims().issuer("http://localhost:8180/realms/master").build(), realmKey);
		assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("iss");
	}

	@Test
	void rejectsWrongAudience() throws Exception {
		String token = sign(claims().audience("account").build(), realmKey);
		assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("aud");
	}

	@Test
	void rejectsExpiredToken() throws Exception {
		Instant past = Instant.now().minusSeconds(3600);
		String token = sign(claims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))).build(),
				realmKey);
		assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class).hasMessageContaining("expired");
	}

	@Test
	void rejectsForeignSignatureTamperingAndAlgNone() throws Exception {
		assertThatThrownBy(() -> decoder.decode(sign(claims().build(), otherKey))).isInstanceOf(JwtException.class);

		String[] parts = sign(claims().build(), realmKey).split("\\.");
		String tamperedClaims = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(claims().subject("someone-else").build().toString().getBytes());
		assertThatThrownBy(() -> decoder.decode(parts[0] + "." + tamperedClaims + "." + parts[2]))
			.isInstanceOf(JwtException.class);

		String unsigned = new PlainJWT(claims().build()).serialize();
		assertThatThrownBy(() -> decoder.decode(unsigned)).isInstanceOf(JwtException.class);
	}

}
