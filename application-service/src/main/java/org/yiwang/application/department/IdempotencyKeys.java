package org.yiwang.application.department;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.InvalidRequestException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} for decisions a department system may retry (a timeout does not tell it whether the
 * decision was taken). Keys are stored per department ({@code idempotency_keys}, id {@code <dept>:<key>}): the same
 * key with the same request returns the stored response (header {@code Idempotent-Replayed: true}); the same key
 * with a different request is a 422; a key whose first request is still running is a 409. A request that fails
 * stores nothing, so its retry is evaluated again (and meets the same lifecycle rule). A key is remembered for
 * {@code platform.idempotency.retention} (default 24 h, {@code expiresAt} on the record); after that the same key
 * is a new request. Expired records are ignored at once and deleted by {@link #sweepExpired()} (the wire server
 * used in tests ignores TTL indexes) and, on a real MongoDB, also by the TTL index on {@code expiresAt}.
 */
@Component
public class IdempotencyKeys {

	public static final String HEADER = "Idempotency-Key";

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

	private final MongoTemplate mongo;

	private final JsonMapper json;

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

	private final Clock clock;

	private final IdempotencyProperties properties;

	IdempotencyKeys(MongoTemplate mongo, JsonMapper json, Clock clock, IdempotencyProperties properties) {
		this.mongo = mongo;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
		declareTtlIndex();
	}

	/** For a real MongoDB: documents go away by themselves once {@code expiresAt} passed. */
	private void declareTtlIndex() {
		try {
			mongo.indexOps(StoredResponse.class)
				.createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO).named("expiresAt_ttl"));
		}
		catch (DataAccessException | com.mongodb.MongoException ex) {
			// e.g. an index of that name with other options: the sweep still deletes expired keys
			log.warn("could not declare the TTL index on idempotency_keys.expiresAt: {}", ex.getMessage());
		}
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
		Instant now = Instant.now(clock);
		// a new key is the common case: take it with the insert (one write); only a taken key is read
		StoredResponse existing = null;
		boolean taken = false;
		for (int attempt = 0; attempt < 3 && !taken && existing == null; attempt++) {
			try {
				mongo.insert(new StoredResponse(id, department, fingerprint, now, now.plus(properties.retention())));
				taken = true;
			}
			catch (DuplicateKeyException ex) {
				existing = mongo.findById(id, StoredResponse.class);
				if (existing != null && existing.expiredAt(now, properties.retention())) {
					// past its retention the key is a new request: forget the old record (only that one, not a
					// newer one), then take the key again
					mongo.remove(new Query(Criteria.where("_id").is(id).and("createdAt").is(existing.createdAt)),
							StoredResponse.class);
					existing = null;
				}
			}
		}
		if (existing != null) {
			return replay(existing, fingerprint);
		}
		if (!taken) {
			throw new ConflictException("the idempotency key is being reused concurrently; retry", HEADER,
					"retry the request");
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

	@Scheduled(initialDelayString = "${platform.idempotency.sweep-interval:10m}",
			fixedDelayString = "${platform.idempotency.sweep-interval:10m}")
	void sweepExpired() {
		long deleted = sweep(Instant.now(clock));
		if (deleted > 0) {
			log.debug("deleted {} expired idempotency keys", deleted);
		}
	}

	/**
	 * Deletes the keys expired at {@code now}; records from before expiry was introduced (no {@code expiresAt})
	 * expire {@code retention} after they were created.
	 * @return how many were deleted
	 */
	long sweep(Instant now) {
		Criteria expired = new Criteria().orOperator(Criteria.where("expiresAt").lte(now),
				new Criteria().andOperator(Criteria.where("expiresAt").is(null),
						Criteria.where("createdAt").lte(now.minus(properties.retention()))));
		return mongo.remove(new Query(expired), StoredResponse.class).getDeletedCount();
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

		Instant expiresAt;

		@PersistenceCreator
		StoredResponse() {
		}

		StoredResponse(String id, String department, String fingerprint, Instant createdAt, Instant expiresAt) {
			this.id = id;
			this.department = department;
			this.fingerprint = fingerprint;
			this.state = "PENDING";
			this.createdAt = createdAt;
			this.expiresAt = expiresAt;
		}

		boolean expiredAt(Instant now, Duration retention) {
			Instant end = expiresAt != null ? expiresAt
					: createdAt != null ? createdAt.plus(retention) : Instant.EPOCH;
			return !now.isBefore(end);
		}

	}

}
