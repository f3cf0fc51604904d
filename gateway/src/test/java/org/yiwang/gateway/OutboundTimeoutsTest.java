package org.yiwang.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every call the gateway makes is bounded (issue 12; the WalkingSkeletonTest flake where a request with a tampered
 * token got no answer within 30 s). Peers on 127.0.0.1 that accept a connection and then say nothing: Keycloak's key
 * set (JWKS), a service behind a route, and a service that sends its answer's head and then stalls. Each must end in a
 * prompt problem answer (or, once the head is on its way, a closed connection), not a hang; with Spring Security's
 * stock decoder the key-set case hangs until the client gives up. With the key set answering, genuine tokens pass and
 * tampered ones are 401. The time-outs are shortened to 1 s here; the assertions leave several times that as margin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "platform.gateway.jwk-set.connect-timeout=1s", "platform.gateway.jwk-set.timeout=1s",
				"spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s" })
class OutboundTimeoutsTest {

	/** How long a bounded call may take here, all included: the time-outs are 1 s (+1 s to connect). */
	static final Duration PROMPT = Duration.ofSeconds(8);

	/** The realm's signing key; the key-set peer publishes its public half when asked to answer. */
	static final RSAKey SIGNING_KEY = signingKey();

	/** Keycloak's key set: silent, unless a test sets what it answers. */
	static final LoopbackPeer KEYS = new LoopbackPeer(false);

	/** Accepts connections, reads nothing, answers nothing. */
	static final LoopbackPeer SILENT = new LoopbackPeer(false);

	/** Reads the request, sends a 200 head announcing 1,000 bytes and one byte of them, then nothing. */
	static final LoopbackPeer STALLING = new LoopbackPeer(true);

	/** A service that answers at once. */
	static final LoopbackPeer ANSWERING = new LoopbackPeer(false);

	static {
		ANSWERING.answer("application/json", "{\"ok\":true}");
	}

	@DynamicPropertySource
	static void peers(DynamicPropertyRegistry registry) {
		registry.add("platform.security.jwk-set-uri",
				() -> "http://127.0.0.1:" + KEYS.port() + "/realms/gov/protocol/openid-connect/certs");
		registry.add("platform.security.issuer", () -> "http://localhost:8180/realms/gov");
		registry.add("CATALOG_URI", () -> "http://127.0.0.1:" + SILENT.port());
		registry.add("LICENSE_URI", () -> "http://127.0.0.1:" + STALLING.port());
		registry.add("APPLICATION_URI", () -> "http://127.0.0.1:" + ANSWERING.port());
	}

	@LocalServerPort
	int port;

	@AfterAll
	static void stopPeers() throws IOException {
		KEYS.close();
		SILENT.close();
		STALLING.close();
		ANSWERING.close();
	}

	static RSAKey signingKey() {
		try {
			return new RSAKeyGenerator(2048).keyID("gov-key-1").generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A Keycloak-shaped token of zhangsan, signed with {@link #SIGNING_KEY} under key id {@code kid}. */
	static String signedToken(String kid) {
		try {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("zhangsan")
				.issuer("http://localhost:8180/realms/gov")
				.audience("yiwang-api")
				.claim("azp", "portal")
				.claim("preferred_username", "zhangsan")
				.claim("realm_access", Map.of("roles", List.of("citizen")))
				.issueTime(new Date())
				.expirationTime(new Date(System.currentTimeMillis() + 600_000))
				.build();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT)
				.build(), claims);
			jwt.sign(new RSASSASigner(SIGNING_KEY));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** As WalkingSkeletonTest does it: the claims altered (zhangsan becomes lisi), header and signature kept. */
	static String tampered(String token) {
		String[] parts = token.split("\\.");
		String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
			.replace("zhangsan", "lisi");
		return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
			.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
	}

	static Map<String, String> bearer(String token) {
		return Map.of("Authorization", "Bearer " + token);
	}

	RawConnection.Response timed(String method, String target, Map<String, String> headers, Duration within) {
		long start = System.nanoTime();
		RawConnection.Response response = RawConnection.exchange(port, method, target, headers);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).as("%s %s answered after %s: %s", method, target, took, response).isLessThan(within);
		return response;
	}

	@Test
	void aTokenWhoseSigningKeysNeverArriveIsAPrompt503Problem() {
		int connectionsBefore = KEYS.accepted();
		// a key id the gateway does not hold: fetched for the first token, fetched again for an unknown one
		for (String token : List.of(signedToken("key-not-yet-published"), tampered(signedToken("rotated-key")))) {
			RawConnection.Response response = timed("GET", "/api/v1/applications", bearer(token), PROMPT);
			JsonNode problem = ClientMistakeProblemsTest.assertProblem(response, 503, "identity-provider-unavailable");
			assertThat(problem.path("detail").asString()).contains("could not be checked");
			assertThat(response.headers().get("retry-after")).isEqualTo("5");
		}
		// the gateway did ask the silent key-set endpoint (the answer is not a shortcut that never tried)
		assertThat(KEYS.accepted()).isGreaterThan(connectionsBefore);
	}

	@Test
	void withTheKeySetAnsweringAGenuineTokenPassesAndATamperedOneIs401() {
		KEYS.answer("application/json", new JWKSet(SIGNING_KEY.toPublicJWK()).toString());
		try {
			String genuine = signedToken("gov-key-1");
			RawConnection.Response passed = timed("GET", "/api/v1/applications", bearer(genuine), PROMPT);
			assertThat(passed.status()).as(passed.toString()).isEqualTo(200);
			assertThat(passed.body()).isEqualTo("{\"ok\":true}");
			RawConnection.Response refused = timed("GET", "/api/v1/applications", bearer(tampered(genuine)), PROMPT);
			JsonNode problem = ClientMistakeProblemsTest.assertProblem(refused, 401, "unauthenticated");
			assertThat(problem.path("detail").asString()).contains("invalid");
		}
		finally {
			KEYS.answer(null, null);
		}
	}

	@Test
	void aGarbageTokenIsStillA401WithoutAskingForKeys() {
		int connectionsBefore = KEYS.accepted();
		RawConnection.Response response = timed("GET", "/api/v1/applications", bearer("not-a-jwt"), PROMPT);
		ClientMistakeProblemsTest.assertProblem(response, 401, "unauthenticated");
		assertThat(KEYS.accepted()).isEqualTo(connectionsBefore);
	}

	@Test
	void aServiceThatNeverAnswersIsAPrompt504ProblemNamingIt() {
		RawConnection.Response response = timed("GET", "/api/v1/catalog/items", Map.of(), PROMPT);
		JsonNode problem = ClientMistakeProblemsTest.assertProblem(response, 504, "gateway-timeout");
		assertThat(problem.path("service").asString()).isEqualTo("catalog-service");
	}

	@Test
	void aServiceThatStallsItsBodyHasTheCallCut() throws IOException {
		long start = System.nanoTime();
		try (RawConnection connection = new RawConnection(port, Duration.ofSeconds(20))) {
			connection.send("GET", "/api/v1/licenses/types", Map.of(), null);
			byte[] all = connection.readToEnd();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			String answer = new String(all, StandardCharsets.ISO_8859_1);
			assertThat(answer).startsWith("HTTP/1.1 200");
			// the connection was closed promptly, with the body short of its announced 1,000 bytes
			assertThat(took).as("closed after %s: %s", took, answer).isLessThan(PROMPT);
			assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4)).hasSizeLessThan(1000);
		}
	}

	/**
	 * A peer on 127.0.0.1 that accepts connections and by default never answers (sockets stay open until closed); it
	 * can be told to send only an answer's head, or to answer each request whole.
	 */
	static final class LoopbackPeer implements AutoCloseable {

		private final ServerSocket server;

		private final List<Socket> sockets = new CopyOnWriteArrayList<>();

		private final AtomicInteger accepted = new AtomicInteger();

		/** When set, each request is answered 200 with this content type and body (and the connection closed). */
		private volatile String[] answer;

		LoopbackPeer(boolean sendHead) {
			try {
				this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Thread acceptor = new Thread(() -> {
				while (!server.isClosed()) {
					try {
						Socket socket = server.accept();
						sockets.add(socket);
						accepted.incrementAndGet();
						String[] now = answer;
						if (now != null) {
							answerWhole(socket, now[0], now[1]);
						}
						else if (sendHead) {
							answerHeadOnly(socket);
						}
					}
					catch (IOException ex) {
						// closed
					}
				}
			}, "loopback-peer-" + server.getLocalPort());
			acceptor.setDaemon(true);
			acceptor.start();
		}

		void answer(String contentType, String body) {
			this.answer = body == null ? null : new String[] { contentType, body };
		}

		private static boolean readHead(Socket socket) throws IOException {
			InputStream in = socket.getInputStream();
			int matched = 0;
			while (matched < 4) {
				int b = in.read();
				if (b < 0) {
					return false;
				}
				matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
			}
			return true;
		}

		private static void answerWhole(Socket socket, String contentType, String body) throws IOException {
			try (socket) {
				if (readHead(socket)) {
					byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
					OutputStream out = socket.getOutputStream();
					out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
							+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
					out.write(bytes);
					out.flush();
				}
			}
		}

		private static void answerHeadOnly(Socket socket) throws IOException {
			if (!readHead(socket)) {
				return;
			}
			OutputStream out = socket.getOutputStream();
			out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}

		int port() {
			return server.getLocalPort();
		}

		int accepted() {
			return accepted.get();
		}

		@Override
		public void close() throws IOException {
			server.close();
			for (Socket socket : sockets) {
				socket.close();
			}
		}

	}

}
