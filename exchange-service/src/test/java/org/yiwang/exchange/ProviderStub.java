package org.yiwang.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real provider API on 127.0.0.1 (random port), one behaviour per base path, switchable while a test runs:
 * answering (with MORE fields than asked, to prove the exchange filters), failing with 500, answering slowly,
 * or not knowing the subject. Like a real provider it serves only callers with the exchange's bearer token: it
 * also plays the identity provider's token endpoint ({@code /token}, client credentials) and answers 401 to any
 * call whose {@code Authorization} is not the token it handed out.
 */
public final class ProviderStub implements AutoCloseable {

	public enum Mode {

		OK, ERROR, NOT_FOUND, SLOW

	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, Mode> modes = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	private final Map<String, Long> slowMillis = new ConcurrentHashMap<>();

	private final Map<String, String> answers = new ConcurrentHashMap<>();

	private final String token = "stub-token-" + UUID.randomUUID();

	private final List<String> tokenRequests = new CopyOnWriteArrayList<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private final AtomicInteger unauthorized = new AtomicInteger();

	private volatile boolean tokenEndpointDown;

	public ProviderStub(String answer) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(executor);
		server.createContext("/", exchange -> handle(exchange, answer));
		server.createContext("/token", this::issueToken);
		server.start();
	}

	private void issueToken(HttpExchange exchange) throws IOException {
		tokenRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		if (tokenEndpointDown) {
			respond(exchange, 503, "{\"error\":\"temporarily_unavailable\"}");
			return;
		}
		respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
	}

	private void handle(HttpExchange exchange, String defaultAnswer) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String base = path.substring(0, path.lastIndexOf('/'));
		String answer = answers.getOrDefault(base, defaultAnswer);
		calls.computeIfAbsent(base, k -> new AtomicInteger()).incrementAndGet();
		bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		authorizations.add(String.valueOf(authorization));
		if (!("Bearer " + token).equals(authorization)) {
			unauthorized.incrementAndGet();
			respond(exchange, 401, "{\"error\":\"invalid_token\"}");
			return;
		}
		Mode mode = modes.getOrDefault(base, Mode.OK);
		try {
			switch (mode) {
				case ERROR -> respond(exchange, 500, "{\"error\":\"database down\"}");
				case NOT_FOUND -> respond(exchange, 404, "{}");
				case SLOW -> {
					Thread.sleep(slowMillis.getOrDefault(base, 2000L));
					respond(exchange, 200, answer);
				}
				case OK -> respond(exchange, 200, answer);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// the exchange gave up waiting and closed the connection
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** The token endpoint, for {@code platform.service-account.token-uri}. */
	public String tokenUrl() {
		return url("/token");
	}

	/** The token it hands out (and the only one it accepts). */
	public String token() {
		return token;
	}

	public List<String> tokenRequests() {
		return tokenRequests;
	}

	/** The {@code Authorization} header of every provider call, in order. */
	public List<String> authorizations() {
		return authorizations;
	}

	/** Provider calls refused for a missing or wrong bearer token. */
	public int unauthorized() {
		return unauthorized.get();
	}

	public void tokenEndpointDown(boolean down) {
		tokenEndpointDown = down;
	}

	/** What the provider under {@code base} answers instead of the default. */
	public void answer(String base, String json) {
		answers.put(base, json);
	}

	public String url(String base) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + base;
	}

	public void mode(String base, Mode mode) {
		modes.put(base, mode);
	}

	public void slow(String base, long millis) {
		slowMillis.put(base, millis);
		modes.put(base, Mode.SLOW);
	}

	public int calls(String base) {
		return calls.computeIfAbsent(base, k -> new AtomicInteger()).get();
	}

	public List<String> bodies() {
		return bodies;
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}

}
