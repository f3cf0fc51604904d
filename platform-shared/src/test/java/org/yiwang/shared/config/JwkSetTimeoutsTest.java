package org.yiwang.shared.config;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.yiwang.shared.security.PlatformSecurityProperties;

import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A Keycloak that accepts the connection for its signing keys and never answers: the services' token check gives
 * up (the read time-out), instead of holding the request for ever.
 */
class JwkSetTimeoutsTest {

	@Test
	void aKeySetThatNeverArrivesFailsTheTokenInsteadOfHanging() throws Exception {
		List<Socket> held = new CopyOnWriteArrayList<>();
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread acceptor = new Thread(() -> {
				while (!silent.isClosed()) {
					try {
						held.add(silent.accept()); // accepted, never answered
					}
					catch (java.io.IOException ex) {
						return;
					}
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			String issuer = "http://127.0.0.1:" + silent.getLocalPort() + "/realms/gov";
			JwtDecoder decoder = new PlatformSecurityAutoConfiguration.Servlet()
				.jwtDecoder(new PlatformSecurityProperties(issuer, null, "yiwang-api", Map.of()));
			String token = token(issuer);

			// well above the 2 s + 5 s bound, far below "for ever"
			assertTimeoutPreemptively(Duration.ofSeconds(30),
					() -> assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class));
			assertThat(held).as("the key set was asked for").isNotEmpty();
		}
		finally {
			for (Socket socket : held) {
				socket.close();
			}
		}
	}

	private static String token(String issuer) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair key = generator.generateKeyPair();
		Instant now = Instant.now();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
				new JWTClaimsSet.Builder().issuer(issuer)
					.subject("user-1")
					.audience("yiwang-api")
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plusSeconds(300)))
					.build());
		jwt.sign(new RSASSASigner(key.getPrivate()));
		return jwt.serialize();
	}

}
