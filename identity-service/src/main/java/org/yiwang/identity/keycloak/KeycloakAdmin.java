package org.yiwang.identity.keycloak;

import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.identity.keycloak.KeycloakRequests.NewUser;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.DomainException;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;

import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Provisioning in Keycloak through its admin REST API (Spring's {@link RestClient}), authenticated with the
 * client credentials of {@code identity-admin}. Every call runs inside the {@code keycloak} circuit breaker with a
 * time limit: when Keycloak is down or slow the caller gets a 503 problem quickly instead of a hanging request.
 * Keycloak's 4xx answers become the platform's 400/404/409 problems and do not count as failures.
 */
public class KeycloakAdmin {

	private static final Logger log = LoggerFactory.getLogger(KeycloakAdmin.class);

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private final KeycloakProperties properties;

	private final RestClient rest;

	private final CircuitBreaker breaker;

	private volatile String token;

	private volatile Instant tokenExpiry = Instant.EPOCH;

	public KeycloakAdmin(KeycloakProperties properties, RestClient.Builder builder, CircuitBreaker breaker) {
		this.properties = properties;
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.timeout())
			.build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(properties.timeout());
		this.rest = builder.clone().baseUrl(properties.adminUrl()).requestFactory(factory).build();
		this.breaker = breaker;
	}

	/** Creates a login and gives it realm roles; the user is removed again if the roles cannot be given. */
	public String createUser(NewUser user, Collection<String> realmRoles) {
		return guarded(() -> {
			ResponseEntity<Void> created = call(() -> admin().post()
				.uri("/users")
				.contentType(MediaType.APPLICATION_JSON)
				.body(KeycloakRequests.user(user))
				.retrieve()
				.toBodilessEntity(), "username");
			String id = KeycloakRequests.idFromLocation(created.getHeaders().getFirst("Location"));
			try {
				assignRealmRoles(id, realmRoles);
			}
			catch (RuntimeException ex) {
				deleteQuietly("/users/" + id);
				throw ex;
			}
			log.info("keycloak user created: {} roles={}", user.username(), realmRoles);
			return id;
		});
	}

	/**
	 * Creates a department system's confidential client (see {@link KeycloakRequests#departmentSystemClient}),
	 * gives its service account the role {@code dept-system}, makes sure the API audience scope is a default scope,
	 * and returns the generated secret, which is not kept anywhere by the platform.
	 */
	public SystemClient createDepartmentSystem(String clientId, String name, String departmentCode) {
		return guarded(() -> {
			ResponseEntity<Void> created = call(() -> admin().post()
				.uri("/clients")
				.contentType(MediaType.APPLICATION_JSON)
				.body(KeycloakRequests.departmentSystemClient(clientId, name, departmentCode))
				.retrieve()
				.toBodilessEntity(), "clientId");
			String id = KeycloakRequests.idFromLocation(created.getHeaders().getFirst("Location"));
			try {
				Map<String, Object> serviceAccount = call(() -> admin().get()
					.uri("/clients/{id}/service-account-user", id)
					.retrieve()
					.body(MAP), null);
				assignRealmRoles((String) serviceAccount.get("id"), List.of("dept-system"));
				ensureDefaultScope(id, KeycloakRequests.AUDIENCE_SCOPE);
				String secret = secretValue(call(() -> admin().get()
					.uri("/clients/{id}/client-secret", id)
					.retrieve()
					.body(MAP), null));
				log.info("keycloak department system client created: {} department={}", clientId, departmentCode);
				return new SystemClient(id, clientId, secret);
			}
			catch (RuntimeException ex) {
				deleteQuietly("/clients/" + id);
				throw ex;
			}
		});
	}

	/** A new secret; the old one stops working at once. */
	public String regenerateSecret(String clientUuid) {
		return guarded(() -> secretValue(call(() -> admin().post()
			.uri("/clients/{id}/client-secret", clientUuid)
			.retrieve()
			.body(MAP), null)));
	}

	/** Disables a client: no new tokens for it. */
	public void disableClient(String clientUuid) {
		guarded(() -> {
			Map<String, Object> client = call(() -> admin().get().uri("/clients/{id}", clientUuid).retrieve().body(MAP),
					null);
			client.put("enabled", false);
			call(() -> admin().put()
				.uri("/clients/{id}", clientUuid)
				.contentType(MediaType.APPLICATION_JSON)
				.body(client)
				.retrieve()
				.toBodilessEntity(), null);
			return null;
		});
	}

	/** Removes a login again (undoing a registration whose local part failed). */
	public void deleteUser(String userId) {
		guarded(() -> {
			call(() -> admin().delete().uri("/users/{id}", userId).retrieve().toBodilessEntity(), null);
			return null;
		});
	}

	/** Adds realm roles to an existing user (e.g. enterprise-agent when a person becomes an agent). */
	public void addRealmRoles(String userId, Collection<String> realmRoles) {
		guarded(() -> {
			assignRealmRoles(userId, realmRoles);
			return null;
		});
	}

	/** Removes realm roles from a user (e.g. enterprise-agent when the last authorisation of an agent ends). */
	public void removeRealmRoles(String userId, Collection<String> realmRoles) {
		guarded(() -> {
			List<Map<String, Object>> roles = roleRepresentations(realmRoles);
			call(() -> admin().deleteWithBody()
				.uri("/users/{id}/role-mappings/realm", userId)
				.contentType(MediaType.APPLICATION_JSON)
				.body(roles)
				.retrieve()
				.toBodilessEntity(), null);
			return null;
		});
	}

	private List<Map<String, Object>> roleRepresentations(Collection<String> realmRoles) {
		List<Map<String, Object>> roles = new ArrayList<>();
		for (String role : realmRoles) {
			Map<String, Object> found = call(() -> admin().get().uri("/roles/{name}", role).retrieve().body(MAP), null);
			roles.add(Map.of("id", found.get("id"), "name", found.get("name")));
		}
		return roles;
	}

	private void assignRealmRoles(String userId, Collection<String> realmRoles) {
		if (realmRoles.isEmpty()) {
			return;
		}
		List<Map<String, Object>> roles = roleRepresentations(realmRoles);
		call(() -> admin().post()
			.uri("/users/{id}/role-mappings/realm", userId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(roles)
			.retrieve()
			.toBodilessEntity(), null);
	}

	private void ensureDefaultScope(String clientUuid, String scopeName) {
		List<Map<String, Object>> current = call(
				() -> admin().get().uri("/clients/{id}/default-client-scopes", clientUuid).retrieve().body(LIST), null);
		if (current != null && current.stream().anyMatch(s -> scopeName.equals(s.get("name")))) {
			return;
		}
		List<Map<String, Object>> scopes = call(() -> admin().get().uri("/client-scopes").retrieve().body(LIST), null);
		String scopeId = scopes.stream()
			.filter(s -> scopeName.equals(s.get("name")))
			.map(s -> (String) s.get("id"))
			.findFirst()
			.orElseThrow(() -> new IdentityProviderUnavailableException(
					"the realm has no client scope " + scopeName + ": check gov-realm.json"));
		call(() -> admin().put()
			.uri("/clients/{id}/default-client-scopes/{scope}", clientUuid, scopeId)
			.retrieve()
			.toBodilessEntity(), null);
	}

	private static String secretValue(Map<String, Object> credential) {
		Object value = credential == null ? null : credential.get("value");
		if (!(value instanceof String secret) || secret.isBlank()) {
			throw new IdentityProviderUnavailableException("Keycloak returned no client secret");
		}
		return secret;
	}

	private void deleteQuietly(String path) {
		try {
			admin().delete().uri(path).retrieve().toBodilessEntity();
		}
		catch (RuntimeException ex) {
			log.warn("could not undo a partial Keycloak change at {}: {}", path, ex.toString());
		}
	}

	private AdminCalls admin() {
		return new AdminCalls(rest, "/admin/realms/" + properties.realm(), "Bearer " + token());
	}

	private String token() {
		if (token != null && Instant.now().isBefore(tokenExpiry)) {
			return token;
		}
		synchronized (this) {
			if (token != null && Instant.now().isBefore(tokenExpiry)) {
				return token;
			}
			if (properties.clientSecret() == null || properties.clientSecret().isBlank()) {
				throw new IdentityProviderUnavailableException(
						"identity-service has no IDENTITY_ADMIN_SECRET: it cannot manage accounts");
			}
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("grant_type", "client_credentials");
			form.add("client_id", properties.clientId());
			form.add("client_secret", properties.clientSecret());
			Map<String, Object> answer;
			try {
				answer = rest.post()
					.uri("/realms/{realm}/protocol/openid-connect/token", properties.realm())
					.contentType(MediaType.APPLICATION_FORM_URLENCODED)
					.body(form)
					.retrieve()
					.body(MAP);
			}
			catch (RestClientResponseException ex) {
				throw new IdentityProviderUnavailableException(
						"Keycloak refused identity-service's admin credentials (" + ex.getStatusCode().value() + ")");
			}
			if (answer == null || !(answer.get("access_token") instanceof String access)) {
				throw new IdentityProviderUnavailableException("Keycloak issued no admin token");
			}
			long expiresIn = answer.get("expires_in") instanceof Number n ? n.longValue() : 60;
			token = access;
			tokenExpiry = Instant.now().plusSeconds(Math.max(5, expiresIn - 30));
			return access;
		}
	}

	/** Keycloak's answer → the platform's problem; {@code field} names the request field a 409 is about. */
	private <T> T call(Supplier<T> request, String field) {
		try {
			return request.get();
		}
		catch (RestClientResponseException ex) {
			HttpStatusCode status = ex.getStatusCode();
			if (status.value() == HttpStatus.UNAUTHORIZED.value()) {
				token = null;
			}
			if (status.value() == HttpStatus.CONFLICT.value()) {
				throw new ConflictException("this " + (field != null ? field : "name") + " is already taken",
						field, "unique");
			}
			if (status.value() == HttpStatus.NOT_FOUND.value()) {
				throw new NotFoundException("not found in the identity provider");
			}
			if (status.value() == HttpStatus.BAD_REQUEST.value()) {
				String reason = keycloakError(ex);
				boolean password = reason.toLowerCase(java.util.Locale.ROOT).contains("password");
				throw new InvalidRequestException("the identity provider refused it: " + reason,
						password ? "password" : null, password ? "password-policy" : "identity-provider");
			}
			throw new IdentityProviderUnavailableException(
					"the identity provider answered " + status.value() + " to identity-service");
		}
	}

	private static String keycloakError(RestClientResponseException ex) {
		try {
			Map<String, Object> body = ex.getResponseBodyAs(MAP);
			if (body != null) {
				Object message = body.getOrDefault("errorMessage", body.get("error_description"));
				if (message != null) {
					return message.toString();
				}
			}
		}
		catch (RuntimeException ignored) {
			// not JSON
		}
		return "status 400";
	}

	/** Runs inside the circuit breaker; the platform's own problems pass through, everything else is a 503. */
	private <T> T guarded(Supplier<T> work) {
		return breaker.run(work, failure -> {
			Throwable cause = unwrap(failure);
			if (cause instanceof DomainException domain) {
				throw domain;
			}
			log.warn("keycloak unavailable: {}", cause.toString());
			throw new IdentityProviderUnavailableException("the identity provider (Keycloak) is not available; try again later");
		});
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable current = failure;
		while ((current instanceof ExecutionException || current instanceof CompletionException
				|| current instanceof ResourceAccessException && current.getCause() instanceof DomainException)
				&& current.getCause() != null) {
			current = current.getCause();
		}
		return current;
	}

	/** A created department system: Keycloak's internal id, the client id, and the secret (shown once). */
	public record SystemClient(String id, String clientId, String secret) {

		@Override
		public String toString() {
			return "SystemClient[" + clientId + "]";
		}

	}

	/** The admin REST API of one realm with a bearer token; paths are relative to {@code /admin/realms/<realm>}. */
	private record AdminCalls(RestClient rest, String base, String authorization) {

		RestClient.RequestHeadersSpec<?> withAuth(RestClient.RequestHeadersSpec<?> spec) {
			return spec.header("Authorization", authorization);
		}

		Uri<RestClient.RequestHeadersSpec<?>> get() {
			return (uri, vars) -> withAuth(rest.get().uri(base + uri, vars));
		}

		Uri<RestClient.RequestHeadersSpec<?>> delete() {
			return (uri, vars) -> withAuth(rest.delete().uri(base + uri, vars));
		}

		BodyUri post() {
			return (uri, vars) -> (RestClient.RequestBodySpec) rest.post()
				.uri(base + uri, vars)
				.header("Authorization", authorization);
		}

		BodyUri deleteWithBody() {
			return (uri, vars) -> rest.method(org.springframework.http.HttpMethod.DELETE)
				.uri(base + uri, vars)
				.header("Authorization", authorization);
		}

		BodyUri put() {
			return (uri, vars) -> (RestClient.RequestBodySpec) rest.put()
				.uri(base + uri, vars)
				.header("Authorization", authorization);
		}

	}

	@FunctionalInterface
	private interface Uri<S> {

		S uri(String uri, Object... vars);

	}

	@FunctionalInterface
	private interface BodyUri {

		RestClient.RequestBodySpec uri(String uri, Object... vars);

	}

}
