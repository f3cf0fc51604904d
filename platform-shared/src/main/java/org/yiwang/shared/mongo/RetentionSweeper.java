package org.yiwang.shared.mongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * Keeps collections that grow with every application bounded: removes what each {@link Retention} says is old
 * enough, on a schedule ({@code platform.retention.interval}, default 1 h, first run
 * {@code platform.retention.initial-delay} after start), and declares a TTL index per retention for a real MongoDB.
 * <p>
 * The embedded stand-in (mongo-java-server) accepts TTL indexes and never expires anything, so without this sweep
 * {@code processed_events}, webhook deliveries and notifications grew with every application. A sweep looks up at
 * most {@code platform.retention.batch-size} expired {@code _id}s, removes them by {@code _id} (a key lookup on the
 * stand-in too; a scoped retention repeats its filter in the delete, so a document that changed state in between
 * stays), and repeats until a batch comes back short. On the stand-in every lookup reads the collection up to the
 * batch's last match; hourly, that is cheap. On a real MongoDB the TTL index usually got there first and the sweep
 * finds little; it still covers documents the TTL index cannot see (those counted from a fallback field).
 * <p>
 * Each run logs what it removed and counts it in {@code platform.retention.removed} (tag {@code collection}).
 * Several replicas sweeping at once only remove the same documents once. {@code platform.retention.enabled=false}
 * removes nothing and drops the TTL indexes this class declared.
 */
public class RetentionSweeper implements SmartInitializingSingleton, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);

	static final String METRIC = "platform.retention.removed";

	private final MongoTemplate mongo;

	private final List<Retention> retentions;

	private final RetentionProperties properties;

	private final Clock clock;

	private final Map<String, Counter> removedCounters = new LinkedHashMap<>();

	private volatile @Nullable ScheduledExecutorService scheduler;

	public RetentionSweeper(MongoTemplate mongo, List<Retention> retentions, RetentionProperties properties,
			Clock clock, @Nullable MeterRegistry meters) {
		this.mongo = mongo;
		this.retentions = List.copyOf(retentions);
		this.properties = properties;
		this.clock = clock;
		Set<String> names = new HashSet<>();
		for (Retention retention : this.retentions) {
			if (!names.add(retention.name())) {
				throw new IllegalArgumentException("two retentions are named " + retention.name());
			}
			if (meters != null) {
				removedCounters.put(retention.name(), Counter.builder(METRIC)
					.description("documents removed by the retention sweeper because they were older than their max age")
					.tag("collection", retention.collection())
					.register(meters));
			}
		}
	}

	public List<Retention> retentions() {
		return retentions;
	}

	/** Declares (or adjusts, or drops) the TTL index of every retention: present iff swept and wanted. */
	@Override
	public void afterSingletonsInstantiated() {
		for (Retention retention : retentions) {
			try {
				if (swept(retention) && retention.ttlIndex()) {
					declareTtlIndex(retention);
				}
				else {
					dropTtlIndex(retention);
				}
			}
			catch (RuntimeException ex) {
				// the sweep still bounds the collection; a real MongoDB just does not help
				log.warn("could not adjust the TTL index {} on {}: {}", retention.ttlIndexName(), retention.collection(),
						ex.getMessage());
			}
		}
	}

	private void declareTtlIndex(Retention retention) {
		IndexOperations indexes = mongo.indexOps(retention.collection());
		Duration expireAfter = Duration.ofSeconds(retention.maxAge().toSeconds());
		Optional<IndexInfo> existing = find(indexes, retention.ttlIndexName());
		if (existing.isPresent() && existing.get().getExpireAfter().equals(Optional.of(expireAfter))) {
			return;
		}
		if (existing.isPresent()) {
			// a changed max age: MongoDB changes a TTL index in place; the stand-in knows no collMod
			if (!KeyLookupIndexes.isStandIn(mongo)) {
				mongo.executeCommand(new Document("collMod", retention.collection()).append("index",
						new Document("name", retention.ttlIndexName()).append("expireAfterSeconds",
								expireAfter.toSeconds())));
				log.info("TTL index {} on {} now expires after {}", retention.ttlIndexName(), retention.collection(),
						human(expireAfter));
				return;
			}
			indexes.dropIndex(retention.ttlIndexName());
		}
		indexes.createIndex(new Index().on(retention.timeField(), Sort.Direction.ASC)
			.expire(expireAfter)
			.named(retention.ttlIndexName()));
	}

	private void dropTtlIndex(Retention retention) {
		IndexOperations indexes = mongo.indexOps(retention.collection());
		if (find(indexes, retention.ttlIndexName()).isPresent()) {
			indexes.dropIndex(retention.ttlIndexName());
			log.info("dropped TTL index {} on {}: retention {} is off", retention.ttlIndexName(),
					retention.collection(), retention.name());
		}
	}

	private static Optional<IndexInfo> find(IndexOperations indexes, String name) {
		return indexes.getIndexInfo().stream().filter(index -> name.equals(index.getName())).findFirst();
	}

	private boolean swept(Retention retention) {
		return properties.enabled() && retention.enabled();
	}

	/**
	 * One sweep of every retention, now.
	 * @return documents removed per retention name (none when the sweeper is off)
	 */
	public Map<String, Long> sweep() {
		Map<String, Long> removed = new LinkedHashMap<>();
		if (!properties.enabled()) {
			return removed;
		}
		Instant now = Instant.now(clock);
		for (Retention retention : retentions) {
			if (!retention.enabled()) {
				continue;
			}
			if (Thread.currentThread().isInterrupted()) {
				break;
			}
			long started = System.nanoTime();
			try {
				long count = removeExpired(retention, now);
				removed.put(retention.name(), count);
				Counter counter = removedCounters.get(retention.name());
				if (counter != null) {
					counter.increment(count);
				}
				long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
				if (count > 0) {
					log.info("retention: removed {} documents from {} older than {} (by {}) in {} ms", count,
							retention.collection(), human(retention.maxAge()), retention.timeField(), millis);
				}
				else {
					log.debug("retention: nothing older than {} in {} ({} ms)", human(retention.maxAge()),
							retention.collection(), millis);
				}
			}
			catch (RuntimeException ex) {
				log.warn("retention: sweeping {} failed, the next run tries again: {}", retention.collection(),
						ex.getMessage());
			}
		}
		return removed;
	}

	/** Removes the documents of one retention expired at {@code now}, batch by batch. */
	long removeExpired(Retention retention, Instant now) {
		MongoCollection<Document> collection = mongo.getCollection(retention.collection());
		Document expired = retention.expiredAt(now);
		int batchSize = properties.batchSize();
		long removed = 0;
		while (!Thread.currentThread().isInterrupted()) {
			List<Object> ids = new ArrayList<>(batchSize);
			for (Document found : collection.find(expired).projection(new Document("_id", 1)).limit(batchSize)) {
				ids.add(found.get("_id"));
			}
			if (ids.isEmpty()) {
				break;
			}
			Bson byId = Filters.in("_id", ids);
			long deleted = collection.deleteMany(retention.guarded() ? Filters.and(byId, expired) : byId)
				.getDeletedCount();
			removed += deleted;
			if (ids.size() < batchSize || deleted == 0) {
				break;
			}
		}
		return removed;
	}

	@Override
	public void start() {
		if (scheduler != null) {
			return;
		}
		List<String> swept = retentions.stream()
			.filter(this::swept)
			.map(r -> r.collection() + " " + human(r.maxAge()))
			.toList();
		if (swept.isEmpty()) {
			log.info("retention sweeper off (platform.retention.enabled={}, {} retentions)", properties.enabled(),
					retentions.size());
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "retention-sweeper");
			thread.setDaemon(true);
			return thread;
		});
		scheduler = executor;
		executor.scheduleWithFixedDelay(this::sweepSafely, properties.initialDelay().toMillis(),
				properties.interval().toMillis(), TimeUnit.MILLISECONDS);
		log.info("retention sweeper: {}, every {}, first in {}", swept, human(properties.interval()),
				human(properties.initialDelay()));
	}

	private void sweepSafely() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			// never let an exception end the schedule
			log.warn("retention sweep failed: {}", ex.getMessage());
		}
	}

	/** 30d, 1h, 90s: as the properties are written. */
	static String human(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds == 0 || duration.toNanosPart() != 0) {
			return duration.toMillis() + "ms";
		}
		if (seconds % 86_400 == 0) {
			return seconds / 86_400 + "d";
		}
		if (seconds % 3_600 == 0) {
			return seconds / 3_600 + "h";
		}
		return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = scheduler;
		scheduler = null;
		if (executor == null) {
			return;
		}
		executor.shutdownNow();
		try {
			executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

}
