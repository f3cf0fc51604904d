package org.yiwang.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.yiwang.exchange.subject.Masking;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/**
 * identity-service as the exchange sees it, on 127.0.0.1 (random port), implementing the documented contract:
 * <ul>
 * <li>{@code /token} — the identity provider's client-credentials endpoint handing out the exchange's service
 * token;</li>
 * <li>{@code POST /api/v1/identity/subject-resolutions {"subject"}} — only with that service token (else 401): the
 * bound person, or 404;</li>
 * <li>{@code GET /api/v1/identity/authorizations/check?enterprise=&agent=} — only with the token of the agent
 * asked about (token relay; else 403, as identity-service answers a caller asking about someone else):
 * {@code {"allowed","basis"}}.</li>
 * </ul>
 * It can be switched to failing (500), slow, or its token endpoint down, and records what it was asked.
 */
public final class IdentityStub implements AutoCloseable {

	public enum Mode {

		OK, ERROR, SLOW

	}

	private static final Pattern SUBJECT = Pattern.compile("\"subject\"\\s*:\\s*\"([^\"]*)\"");

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final String serviceToken = "svc-exchange-token-" + UUID.randomUUID();

	private final Map<String, String[]> people = new ConcurrentHashMap<>();

	/** subject → the bearer token its requests carry (what MockMvc's jwt() puts in as token value). */
	private final Map<String, String> userTokens = new ConcurrentHashMap<>();

	/** "agent|uscc" → basis. */
	private final Map<String, String> authorised = new ConcurrentHashMap<>();

	private final List<String> resolutionSubjects = new CopyOnWriteArrayList<>();

	private final List<String> resolutionAuthorizations = new CopyOnWriteArrayList<>();

	private final List<String> checkAuthorizations = new CopyOnWriteArrayList<>();

	private final AtomicInteger checks = new AtomicInteger();

	private volatile Mode mode = Mode.OK;

	private volatile boolean tokenEndpointDown;

	public IdentityStub() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(executor);
		server.createContext("/token", this::token);
		server.createContext("/api/v1/identity/subject-resolutions", this::resolve);
		server.createContext("/api/v1/identity/authorizations/check", this::check);
		server.start();
	}

	private void token(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		if (tokenEndpointDown) {
			respond(exchange, 503, "{\"error\":\"temporarily_unavailable\"}");
			return;
		}
		respond(exchange, 200,
				"{\"access_token\":\"" + serviceToken + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
	}

	private void resolve(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		resolutionAuthorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		Matcher matcher = SUBJECT.matcher(body);
		String subject = matcher.find() ? matcher.group(1) : null;
		resolutionSubjects.add(String.valueOf(subject));
		if (!"POST".equals(exchange.getRequestMethod())
				|| !("Bearer " + serviceToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, 401, "{\"error\":\"invalid_token\"}");
			return;
		}
		if (failing(exchange)) {
			return;
		}
		String[] person = subject == null ? null : people.get(subject);
		if (person == null) {
			respond(exchange, 404, "{\"title\":\"Not Found\",\"status\":404}");
			return;
		}
		respond(exchange, 200, """
				{"subject":"%s","username":"%s","name":"%s","idNumber":"%s","idNumberMasked":"%s",
				 "assuranceLevel":"REAL_NAME_VERIFIED"}""".formatted(subject, person[0], person[1], person[2],
				Masking.mask(person[2])));
	}

	private void check(HttpExchange exchange) throws IOException {
		checks.incrementAndGet();
		String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
		checkAuthorizations.add(authorization);
		Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
		String agent = query.get("agent");
		String enterprise = query.get("enterprise");
		if (agent == null || enterprise == null) {
			respond(exchange, 400, "{\"status\":400}");
			return;
		}
		String agentToken = userTokens.get(agent);
		if (agentToken == null || !("Bearer " + agentToken).equals(authorization)) {
			respond(exchange, 403, "{\"status\":403,\"detail\":\"you may only check your own authorisations\"}");
			return;
		}
		if (failing(exchange)) {
			return;
		}
		String basis = authorised.get(agent + "|" + enterprise);
		respond(exchange, 200, basis == null ? "{\"allowed\":false,\"basis\":null}"
				: "{\"allowed\":true,\"basis\":\"" + basis + "\"}");
	}

	private boolean failing(HttpExchange exchange) throws IOException {
		switch (mode) {
			case ERROR -> {
				respond(exchange, 500, "{\"status\":500}");
				return true;
			}
			case SLOW -> {
				try {
					Thread.sleep(3000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return false;
			}
			default -> {
				return false;
			}
		}
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new HashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return values;
	}

	private static void respond(HttpExchange exchange, int status, String body) {
		try {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		catch (IOException ex) {
			// the exchange gave up waiting and closed the connection
		}
	}

	/** A person bound to the login subject (as identity-service knows after real-name verification). */
	public IdentityStub person(String subject, String username, String name, String idNumber) {
		people.put(subject, new String[] { username, name, idNumber });
		return this;
	}

	/** The subject may act for the enterprise ({@code LEGAL_REPRESENTATIVE} or {@code AUTHORIZATION}). */
	public IdentityStub authorise(String subject, String uscc, String basis) {
		authorised.put(subject + "|" + uscc, basis);
		return this;
	}

	/** The bearer token value the subject's requests carry; identity-service answers checks only with it. */
	public IdentityStub userToken(String subject, String token) {
		userTokens.put(subject, token);
		return this;
	}

	/**
	 * A signed-in person as MockMvc presents them: Keycloak-shaped claims, the role, and the bearer token value
	 * (what the exchange relays to identity-service).
	 */
	public static JwtRequestPostProcessor caller(String subject, String tokenValue, String role) {
		return SecurityMockMvcRequestPostProcessors.jwt()
			.jwt(jwt -> jwt.tokenValue(tokenValue)
				.subject(subject)
				.claim("preferred_username", subject)
				.claim("azp", "yiwang-portal")
				.claim("realm_access", Map.of("roles", List.of(role))))
			.authorities(new SimpleGrantedAuthority("ROLE_" + role));
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public String tokenUrl() {
		return baseUrl() + "/token";
	}

	public String serviceToken() {
		return serviceToken;
	}

	public void mode(Mode mode) {
		this.mode = mode;
	}

	public void tokenEndpointDown(boolean down) {
		tokenEndpointDown = down;
	}

	/** The subjects asked about in subject resolutions, in order. */
	public List<String> resolutionSubjects() {
		return resolutionSubjects;
	}

	/** The {@code Authorization} header of every subject resolution. */
	public List<String> resolutionAuthorizations() {
		return resolutionAuthorizations;
	}

	/** The {@code Authorization} header of every authorisation check. */
	public List<String> checkAuthorizations() {
		return checkAuthorizations;
	}

	public int checks() {
		return checks.get();
	}

	public Set<String> subjectsKnown() {
		return people.keySet();
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

}
