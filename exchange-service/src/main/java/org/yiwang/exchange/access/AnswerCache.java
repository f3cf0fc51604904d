package org.yiwang.exchange.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.yiwang.exchange.audit.SubjectHasher;
import org.yiwang.exchange.resource.DataResource;
import org.yiwang.exchange.resource.ServingMode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Provider answers kept in memory for as long as the resource allows ({@code cacheTtl}; never for real-time data
 * and never for base registries, which are read locally anyway). An entry belongs to one resource revision, one
 * subject (by its keyed hash, never the plain number) and one set of granted fields, so a department granted fewer
 * fields can never be served another's wider answer, and a changed catalog entry starts afresh. The cache only
 * saves the provider a call: whoever reads from it has passed the same grant and purpose checks and is audited
 * like any other access. Bounded ({@code exchange.cache.max-entries}, least recently used out first); lost on
 * restart by design.
 */
@Component
public class AnswerCache {

	/** What a cached answer is for: resource (and revision), subject hash, the exact granted field set. */
	record Key(String resourceCode, long resourceRevision, String subjectHash, String fields) {
	}

	/** The answer and when the provider gave it. */
	public record Entry(Map<String, Object> data, Instant fetchedAt) {
	}

	private final SubjectHasher hasher;

	private final Clock clock;

	private final Map<Key, Entry> entries;

	AnswerCache(SubjectHasher hasher, Clock clock, @Value("${exchange.cache.max-entries:10000}") int maxEntries) {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("exchange.cache.max-entries must be at least 1");
		}
		this.hasher = hasher;
		this.clock = clock;
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
				return size() > maxEntries;
			}

		};
	}

	/** Whether answers of the resource may be cached at all. */
	public static boolean allows(DataResource resource) {
		return resource.getServingMode() == ServingMode.PROVIDER_API && resource.getCacheTtl() > 0;
	}

	/** A still fresh answer for exactly these granted fields, if any (judged by the resource's current TTL). */
	public Optional<Entry> lookup(DataResource resource, String subject, List<String> grantedFields) {
		if (!allows(resource)) {
			return Optional.empty();
		}
		Key key = key(resource, subject, grantedFields);
		Instant now = clock.instant();
		synchronized (entries) {
			Entry entry = entries.get(key);
			if (entry == null) {
				return Optional.empty();
			}
			if (!entry.fetchedAt().plusSeconds(resource.getCacheTtl()).isAfter(now)) {
				entries.remove(key);
				return Optional.empty();
			}
			return Optional.of(entry);
		}
	}

	public void store(DataResource resource, String subject, List<String> grantedFields, Map<String, Object> data) {
		if (!allows(resource)) {
			return;
		}
		Entry entry = new Entry(Collections.unmodifiableMap(new LinkedHashMap<>(data)), clock.instant());
		synchronized (entries) {
			entries.put(key(resource, subject, grantedFields), entry);
		}
	}

	public int size() {
		synchronized (entries) {
			return entries.size();
		}
	}

	private Key key(DataResource resource, String subject, List<String> grantedFields) {
		return new Key(resource.getCode(), resource.getRevision() == null ? -1 : resource.getRevision(),
				hasher.hash(subject), String.join(",", new TreeSet<>(grantedFields)));
	}

}
