package org.yiwang.application.department;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.InvalidRequestException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} for decisions a department system may retry (a timeout does not tell it whether the
 * decision was taken). Keys are stored per department ({@code idempotency_keys}, id {@code <dept>:<key>}): the same
 * key with the same request returns the stored response (header {@code Idempotent-Replayed: true}); the same key
 * with a different request is a 422; a key whose first request is still running is a 409. A request that fails
 * stores nothing, so its retry is evaluated again (and meets the same lifecycle rule).
 */
@Component
public class IdempotencyKeys {

	public static final String HEADER = "Idempotency-Key";

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

	private final MongoTemplate mongo;

	private final JsonMapper json;

	private final Clock clock;

	IdempotencyKeys(MongoTemplate mongo, JsonMapper json, Clock clock) {
		this.mongo = mongo;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Runs the action once per (department, key).
	 * @param request what identifies the request: operation, target and body, compared on replay
	 */
	public ResponseEntity<Object> run(String department, String key, Object request, Supplier<Object> action) {
		if (key == null) {
			return ResponseEntity.ok(action.get());
		}
		if (!KEY.matcher(key).matches()) {
			throw new InvalidRequestException("invalid idempotency key", HEADER,
					"must be 8-100 characters of letters, digits, . _ : -");
		}
		String id = department + ":" + key;
		String fingerprint = json.writeValueAsString(request);
		StoredResponse existing = mongo.findById(id, StoredResponse.class);
		if (existing == null) {
			try {
				mongo.insert(new StoredResponse(id, department, fingerprint, Instant.now(clock)));
			}
			catch (DuplicateKeyException ex) {
				existing = mongo.findById(id, StoredResponse.class);
			}
		}
		if (existing != null) {
			return replay(existing, fingerprint);
		}
		Object result;
		try {
			result = action.get();
		}
		catch (RuntimeException ex) {
			mongo.remove(new Query(Criteria.where("_id").is(id)), StoredResponse.class);
			throw ex;
		}
		String body = json.writeValueAsString(result);
		mongo.updateFirst(new Query(Criteria.where("_id").is(id)),
				new Update().set("state", "DONE").set("status", 200).set("body", body), StoredResponse.class);
		return ResponseEntity.ok(result);
	}

	private static ResponseEntity<Object> replay(StoredResponse existing, String fingerprint) {
		if (!existing.fingerprint.equals(fingerprint)) {
			return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(org.yiwang.shared.web.Problems.withErrors(
						org.yiwang.shared.web.Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
								"Idempotency key reused", "this Idempotency-Key was used for a different request"),
						java.util.List.of(new org.yiwang.shared.web.Problems.FieldError(HEADER,
								"must not be reused for a different request"))));
		}
		if (!"DONE".equals(existing.state)) {
			throw new ConflictException("the first request with this Idempotency-Key is still being processed", HEADER,
					"wait for the first request to finish");
		}
		return ResponseEntity.status(existing.status)
			.header("Idempotent-Replayed", "true")
			.contentType(MediaType.APPLICATION_JSON)
			.body(existing.body);
	}

	@Document("idempotency_keys")
	static class StoredResponse {

		@Id
		String id;

		String department;

		String fingerprint;

		String state;

		int status;

		String body;

		Instant createdAt;

		@PersistenceCreator
		StoredResponse() {
		}

		StoredResponse(String id, String department, String fingerprint, Instant createdAt) {
			this.id = id;
			this.department = department;
			this.fingerprint = fingerprint;
			this.state = "PENDING";
			this.createdAt = createdAt;
		}

	}

}
