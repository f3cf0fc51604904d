package org.yiwang.identity.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the Keycloak admin REST API (an external system) on a real loopback HTTP port: answers the calls
 * identity-service makes the way Keycloak 26 does and records every request, so tests can assert what was sent.
 * The behaviour against the real Keycloak is proven by the end-to-end IdentityProvisioningTest.
 */
public final class FakeKeycloak {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	public record Request(String method, String path, String authorization, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

	}

	private static FakeKeycloak instance;

	private final HttpServer server;

	public final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Set<String> usernames = ConcurrentHashMap.newKeySet();

	private final Map<String, Map<String, Object>> clients = new ConcurrentHashMap<>();

	private final Map<String, String> secrets = new ConcurrentHashMap<>();

	private final AtomicInteger secretCounter = new AtomicInteger();

	private FakeKeycloak() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	public static synchronized FakeKeycloak get() {
		if (instance == null) {
			try {
				instance = new FakeKeycloak();
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

	public List<Request> requests(String method, String pathPrefix) {
		return requests.stream().filter(r -> r.method.equals(method) && r.path.startsWith(pathPrefix)).toList();
	}

	public String currentSecret(String clientUuid) {
		return secrets.get(clientUuid);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		requests.add(new Request(method, path, exchange.getRequestHeaders().getFirst("Authorization"), body));
		String admin = "/admin/realms/gov";
		if (method.equals("POST") && path.equals("/realms/gov/protocol/openid-connect/token")) {
			if (!body.contains("client_id=identity-admin") || !body.contains("grant_type=client_credentials")) {
				respond(exchange, 401, "{\"error\":\"unauthorized_client\"}");
				return;
			}
			respond(exchange, 200, "{\"access_token\":\"admin-token\",\"expires_in\":300,\"token_type\":\"Bearer\"}");
			return;
		}
		if (!"Bearer admin-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, 401, "");
			return;
		}
		if (!path.startsWith(admin)) {
			respond(exchange, 404, "");
			return;
		}
		String p = path.substring(admin.length());
		String[] parts = p.split("/");
		if (method.equals("POST") && p.equals("/users")) {
			String username = JSON.readTree(body).get("username").asString();
			if (!usernames.add(username)) {
				respond(exchange, 409, "{\"errorMessage\":\"User exists with same username\"}");
				return;
			}
			created(exchange, url() + admin + "/users/" + UUID.randomUUID());
		}
		else if (method.equals("GET") && parts.length == 3 && parts[1].equals("roles")) {
			respond(exchange, 200, "{\"id\":\"role-" + parts[2] + "\",\"name\":\"" + parts[2] + "\"}");
		}
		else if (method.equals("POST") && p.endsWith("/role-mappings/realm")) {
			respond(exchange, 204, "");
		}
		else if (method.equals("DELETE")) {
			respond(exchange, 204, "");
		}
		else if (method.equals("POST") && p.equals("/clients")) {
			Map<String, Object> client = JSON.readValue(body, Map.class);
			if (clients.values().stream().anyMatch(c -> c.get("clientId").equals(client.get("clientId")))) {
				respond(exchange, 409, "{\"errorMessage\":\"Client already exists\"}");
				return;
			}
			String id = UUID.randomUUID().toString();
			clients.put(id, client);
			secrets.put(id, "secret-" + secretCounter.incrementAndGet());
			created(exchange, url() + admin + "/clients/" + id);
		}
		else if (method.equals("GET") && p.endsWith("/service-account-user")) {
			respond(exchange, 200, "{\"id\":\"sa-" + parts[2] + "\",\"username\":\"service-account\"}");
		}
		else if (method.equals("GET") && p.endsWith("/default-client-scopes")) {
			respond(exchange, 200, "[{\"id\":\"scope-roles\",\"name\":\"roles\"}]");
		}
		else if (method.equals("GET") && p.equals("/client-scopes")) {
			respond(exchange, 200,
					"[{\"id\":\"scope-roles\",\"name\":\"roles\"},{\"id\":\"scope-aud\",\"name\":\"yiwang-api-audience\"}]");
		}
		else if (method.equals("PUT") && p.contains("/default-client-scopes/")) {
			respond(exchange, 204, "");
		}
		else if (p.endsWith("/client-secret")) {
			if (method.equals("POST")) {
				secrets.put(parts[2], "secret-" + secretCounter.incrementAndGet());
			}
			respond(exchange, 200, "{\"type\":\"secret\",\"value\":\"" + secrets.get(parts[2]) + "\"}");
		}
		else if (method.equals("GET") && parts.length == 3 && parts[1].equals("clients") && clients.containsKey(parts[2])) {
			respond(exchange, 200, JSON.writeValueAsString(clients.get(parts[2])));
		}
		else if (method.equals("PUT") && parts.length == 3 && parts[1].equals("clients")) {
			clients.put(parts[2], JSON.readValue(body, Map.class));
			respond(exchange, 204, "");
		}
		else {
			respond(exchange, 404, "{\"error\":\"not found\"}");
		}
	}

	public Map<String, Object> client(String clientId) {
		return clients.values().stream().filter(c -> clientId.equals(c.get("clientId"))).findFirst().orElse(null);
	}

	public List<String> clientIds() {
		return new ArrayList<>(clients.values().stream().map(c -> (String) c.get("clientId")).toList());
	}

	private static void created(HttpExchange exchange, String location) throws IOException {
		exchange.getResponseHeaders().add("Location", location);
		exchange.sendResponseHeaders(201, -1);
		exchange.close();
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

}
