package org.yiwang.shared.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What the {@link RetentionSweeper} may remove from one collection: the documents whose {@code timeField} is older
 * than {@code maxAge} and, if a scope is given, that match the scope. A service declares one as a bean with its
 * default; {@code platform.retention.<name>.max-age} and {@code platform.retention.<name>.enabled} override it
 * ({@link #configured}).
 *
 * @param name the configuration key, kebab-case, e.g. {@code processed-events}
 * @param collection the MongoDB collection
 * @param timeField a date field written once when the document becomes removable (creation, or reaching a final
 * state); documents without it are kept unless a {@code fallbackTimeField} is given
 * @param maxAge how long a document is kept after its time
 * @param enabled whether this collection is swept (and its TTL index declared)
 * @param scope the documents that may go at all, e.g. only terminal states; {@code {}} for all. Plain BSON values
 * only (it is sent as written). A scoped removal re-checks scope and time in the delete itself, so a document that
 * left the scope after it was found (a replayed webhook delivery) is not removed
 * @param fallbackTimeField the time of documents stored before {@code timeField} existed, or null
 * @param ttlIndex whether a TTL index on {@code timeField} ({@code expireAfterSeconds = maxAge}) is declared for a
 * real MongoDB: only where every document carrying {@code timeField} is removable by it alone, i.e. the field is
 * absent outside the scope (the stand-in ignores TTL indexes; the sweeper covers it, and a real MongoDB too)
 */
public record Retention(String name, String collection, String timeField, Duration maxAge, boolean enabled,
		Document scope, @Nullable String fallbackTimeField, boolean ttlIndex) {

	private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	/** Keys of {@code platform.retention} itself ({@link RetentionProperties}), so no retention's name. */
	private static final Set<String> RESERVED = Set.of("enabled", "interval", "initial-delay", "batch-size");

	public Retention {
		if (name == null || !NAME.matcher(name).matches() || RESERVED.contains(name)) {
			throw new IllegalArgumentException("a retention's name is a kebab-case key other than " + RESERVED
					+ ", got '" + name + "'");
		}
		if (collection == null || collection.isBlank() || timeField == null || timeField.isBlank()) {
			throw new IllegalArgumentException("retention " + name + " needs a collection and a time field");
		}
		if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
			throw new IllegalArgumentException("platform.retention." + name + ".max-age must be positive");
		}
		scope = scope == null ? new Document() : scope;
	}

	/** All documents of {@code collection}, {@code maxAge} after {@code timeField}, with a TTL index. */
	public static Retention of(String name, String collection, String timeField, Duration maxAge) {
		return new Retention(name, collection, timeField, maxAge, true, new Document(), null, true);
	}

	/** Only the documents matching {@code scope} may be removed. */
	public Retention onlyWhere(Criteria scope) {
		return new Retention(name, collection, timeField, maxAge, enabled, scope.getCriteriaObject(),
				fallbackTimeField, ttlIndex);
	}

	/** Documents without {@code timeField} (stored before it existed) count from {@code field} instead. */
	public Retention countingFrom(String field) {
		return new Retention(name, collection, timeField, maxAge, enabled, scope, field, ttlIndex);
	}

	/** No TTL index: only the sweeper removes documents. */
	public Retention withoutTtlIndex() {
		return new Retention(name, collection, timeField, maxAge, enabled, scope, fallbackTimeField, false);
	}

	/** This retention with the configured max age and switch, where given. */
	public Retention configured(@Nullable Duration configuredMaxAge, @Nullable Boolean configuredEnabled) {
		return new Retention(name, collection, timeField, configuredMaxAge != null ? configuredMaxAge : maxAge,
				configuredEnabled != null ? configuredEnabled : enabled, scope, fallbackTimeField, ttlIndex);
	}

	/** The name of the TTL index on {@code timeField}. */
	public String ttlIndexName() {
		return timeField + "_retention_ttl";
	}

	/** The documents older than {@code maxAge} at {@code now}, within the scope. */
	Document expiredAt(Instant now) {
		Date cutoff = Date.from(now.minus(maxAge));
		Document older = new Document(timeField, new Document("$lt", cutoff));
		Document expired = fallbackTimeField == null ? older
				: new Document("$or", List.of(older, new Document(timeField, null).append(fallbackTimeField,
						new Document("$lt", cutoff))));
		return scope.isEmpty() ? expired : new Document("$and", List.of(scope, expired));
	}

	/** Whether a removal must re-check the filter (the document may leave the scope after it was found). */
	boolean guarded() {
		return !scope.isEmpty();
	}

}
