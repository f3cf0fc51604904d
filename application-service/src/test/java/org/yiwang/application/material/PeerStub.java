package org.yiwang.application.material;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real local HTTP server standing in for the peers application-service calls, implementing their documented
 * contracts (Keycloak's token endpoint, identity-service subject resolution, exchange-service prefill,
 * license-service wallet and grants): tests decide the answers and read what was asked. The real peers are
 * exercised end-to-end by deploy/system-tests.
 */
public final class PeerStub {

	/** One request as received. */
	public record Call(String method, String path, String authorization, String body) {
	}

	/** An answer: status and JSON body. */
	public record Answer(int status, String body) {

		public static Answer json(String body) {
			return new Answer(200, body);
		}

	}

	private static PeerStub instance;

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Map<String, Function<Call, Answer>> routes = new ConcurrentHashMap<>();

	private final AtomicInteger tokens = new AtomicInteger();

	private PeerStub() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.start();
		reset();
	}

	public static synchronized PeerStub get() {
		if (instance == null) {
			try {
				instance = new PeerStub();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return instance;
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** The access token the stub's token endpoint handed out last. */
	public String lastToken() {
		return "svc-application-token-" + tokens.get();
	}

	/** Default answers: tokens for the client, 404 for everything else. */
	public void reset() {
		routes.clear();
		calls.clear();
		routes.put("POST /token", call -> call.body().contains("client_id=svc-application")
				? Answer.json("{\"access_token\":\"svc-application-token-" + tokens.incrementAndGet()
						+ "\",\"expires_in\":300,\"token_type\":\"Bearer\"}")
				: new Answer(401, "{\"error\":\"invalid_client\"}"));
	}

	/** Routes {@code "METHOD /path-prefix"} to an answer. */
	public void on(String methodAndPrefix, Function<Call, Answer> answer) {
		routes.put(methodAndPrefix, answer);
	}

	public List<Call> calls(String pathPrefix) {
		return calls.stream().filter(c -> c.path().startsWith(pathPrefix)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String path = exchange.getRequestURI().getPath();
			Call call = new Call(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Authorization"),
					body);
			calls.add(call);
			Answer answer;
			try {
				answer = routes.entrySet()
					.stream()
					.filter(e -> (call.method() + " " + path).startsWith(e.getKey()))
					.max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
					.map(e -> e.getValue().apply(call))
					.orElse(new Answer(404, "{\"status\":404}"));
			}
			catch (RuntimeException ex) {
				ex.printStackTrace();
				answer = new Answer(500, "{\"stub-error\":\"" + ex + "\"}");
			}
			byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
			if (bytes.length > 0) {
				exchange.getResponseBody().write(bytes);
			}
		}
		finally {
			exchange.close();
		}
	}

}
