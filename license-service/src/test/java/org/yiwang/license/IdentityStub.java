package org.yiwang.license;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.yiwang.shared.identity.IdNumbers;
import org.yiwang.shared.identity.Usccs;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Plays Keycloak's token endpoint and identity-service's subject resolution on a loopback port, implementing
 * the documented contract ({@code POST /api/v1/identity/subject-resolutions}, 404 when no person is bound). Every
 * subject resolves to a deterministic valid ID number unless listed as unbound; {@link #DOWN} makes it answer 503.
 * Also the authorisation check ({@code GET /api/v1/identity/authorizations/check?enterprise=&agent=}): like
 * identity-service it answers a person only about themselves — here: only when the bearer token is
 * {@link #userToken(String)} of {@code agent} (403 otherwise, the service account included); allowed for the pairs in
 * {@link #AUTHORITIES}, 503 for the enterprises in {@link #CHECK_DOWN}.
 */
public final class IdentityStub {

	static final String TOKEN = "stub-service-token-svc-license";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static HttpServer server;

	/** Subjects with no person bound (404). */
	public static final Map<String, Boolean> UNBOUND = new ConcurrentHashMap<>();

	/** Subjects answered with 503 (identity-service failing for them). */
	public static final Map<String, Boolean> DOWN = new ConcurrentHashMap<>();

	/** Subjects answered only after 3 s (slower than the client's time limit in tests). */
	public static final Map<String, Boolean> SLOW = new ConcurrentHashMap<>();

	/** Requests seen: {authorization, subject}. */
	public static final List<Map<String, String>> REQUESTS = new CopyOnWriteArrayList<>();

	public static final AtomicInteger TOKEN_REQUESTS = new AtomicInteger();

	/** Who may act for which enterprise: key {@code uscc|subject}, value the basis (LEGAL_REPRESENTATIVE, ...). */
	public static final Map<String, String> AUTHORITIES = new ConcurrentHashMap<>();

	/** Enterprises whose authorisation check answers 503. */
	public static final Map<String, Boolean> CHECK_DOWN = new ConcurrentHashMap<>();

	/** Authorisation checks seen: {authorization, enterprise, agent}. */
	public static final List<Map<String, String>> CHECKS = new CopyOnWriteArrayList<>();

	/** The bearer token of a person in tests that exercise the token relay to the authorisation check. */
	public static String userToken(String subject) {
		return "user-token-" + subject;
	}

	/** Authorisation checks about one enterprise. */
	public static long checksFor(String uscc) {
		return CHECKS.stream().filter(c -> uscc.equals(c.get("enterprise"))).count();
	}

	private IdentityStub() {
	}

	public static synchronized void register(DynamicPropertyRegistry registry) {
		start();
		String base = "http://127.0.0.1:" + server.getAddress().getPort();
		registry.add("platform.service-account.token-uri", () -> base + "/token");
		registry.add("platform.service-account.client-secret", () -> "stub-secret");
		registry.add("platform.peers.identity", () -> base);
	}

	/** A valid, deterministic demo ID number for a subject (never a real person's). */
	public static String idNumber(String subject) {
		int seq = 1 + Math.floorMod(subject.hashCode(), 998);
		String first17 = "44030419900307" + String.format("%03d", seq);
		return first17 + IdNumbers.checkCharacter(first17);
	}

	/** A valid USCC from 8 alphabet characters. */
	public static String uscc(String org8) {
		String first17 = "91440300" + "M" + org8;
		return first17 + Usccs.checkCharacter(first17);
	}

	public static String nameOf(String subject) {
		return "实名" + subject;
	}

	/** Requests for one subject. */
	public static long requestsFor(String subject) {
		return REQUESTS.stream().filter(r -> subject.equals(r.get("subject"))).count();
	}

	private static synchronized void start() {
		if (server != null) {
			return;
		}
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.createContext("/token", exchange -> {
			TOKEN_REQUESTS.incrementAndGet();
			String form = read(exchange);
			if (!form.contains("grant_type=client_credentials") || !form.contains("client_id=svc-license")) {
				send(exchange, 401, "{\"error\":\"unauthorized_client\"}");
				return;
			}
			send(exchange, 200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}");
		});
		server.createContext("/api/v1/identity/subject-resolutions", exchange -> {
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			JsonNode body = JSON.readTree(read(exchange));
			String subject = body.path("subject").asString("");
			REQUESTS.add(Map.of("authorization", String.valueOf(authorization), "subject", subject));
			if (!("Bearer " + TOKEN).equals(authorization) || !"POST".equals(exchange.getRequestMethod())) {
				send(exchange, 401, "{}");
				return;
			}
			if (SLOW.containsKey(subject)) {
				try {
					Thread.sleep(3000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			if (DOWN.containsKey(subject)) {
				send(exchange, 503, "{\"title\":\"unavailable\"}");
				return;
			}
			if (UNBOUND.containsKey(subject) || subject.isBlank()) {
				send(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
				return;
			}
			String id = idNumber(subject);
			send(exchange, 200, JSON.writeValueAsString(Map.of("subject", subject, "username", subject, "name",
					nameOf(subject), "idNumber", id, "idNumberMasked", IdNumbers.mask(id), "assuranceLevel", "L2")));
		});
		server.createContext("/api/v1/identity/authorizations/check", exchange -> {
			String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
			Map<String, String> query = new java.util.HashMap<>();
			String raw = exchange.getRequestURI().getRawQuery();
			for (String pair : raw == null ? new String[0] : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					query.put(pair.substring(0, eq),
							java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
			String enterprise = query.getOrDefault("enterprise", "");
			String agent = query.getOrDefault("agent", "");
			CHECKS.add(Map.of("authorization", authorization, "enterprise", enterprise, "agent", agent));
			if (!"GET".equals(exchange.getRequestMethod()) || enterprise.isBlank() || agent.isBlank()) {
				send(exchange, 400, "{\"title\":\"Bad Request\",\"status\":400}");
				return;
			}
			if (!("Bearer " + userToken(agent)).equals(authorization)) {
				send(exchange, 403, "{\"title\":\"Forbidden\",\"status\":403,"
						+ "\"detail\":\"you may only check your own authorisations\"}");
				return;
			}
			if (CHECK_DOWN.containsKey(enterprise)) {
				send(exchange, 503, "{\"title\":\"unavailable\"}");
				return;
			}
			String basis = AUTHORITIES.get(enterprise + "|" + agent);
			Map<String, Object> answer = new java.util.LinkedHashMap<>();
			answer.put("enterprise", enterprise);
			answer.put("agent", agent);
			answer.put("item", null);
			answer.put("allowed", basis != null);
			answer.put("basis", basis);
			answer.put("authorizationId", "AUTHORIZATION".equals(basis) ? "AUTH-" + agent : null);
			answer.put("validUntil", null);
			send(exchange, 200, JSON.writeValueAsString(answer));
		});
		server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, r -> {
			Thread t = new Thread(r, "identity-stub");
			t.setDaemon(true);
			return t;
		}));
		server.start();
	}

	private static String read(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
