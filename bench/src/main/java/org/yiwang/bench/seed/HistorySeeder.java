package org.yiwang.bench.seed;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.yiwang.bench.BenchTarget;
import org.yiwang.bench.Progress;
import org.yiwang.bench.theme.Loopback;
import org.yiwang.bench.theme.ThemeScenario;

/**
 * Stored history in bulk, so that what the platform costs can be read against how much it holds. One real
 * completed theme application (made by a {@link ThemeScenario} run, or made now) is the template: it and everything
 * it left behind — licences, notifications, processed-event records, webhook deliveries — are cloned with new ids
 * (licence numbers from license-service's own serial counters, a reserved status-list position per licence, so
 * every unique index holds and later issuance never collides), moved to a random moment of the past six months
 * (ending a day ago: idempotency keys, kept a day, are not part of such history), with empty outboxes (nothing is
 * published) and every case concluded, and inserted in unordered batches. Each clone is made by its own synthetic
 * applicant ({@link SyntheticPersons}): a history of one person with 100,000 applications would make that person's
 * lists, not the platform, the cost. Every seeded document carries {@code seededBy: "bench"}.
 * <p>
 * The template, once captured, is kept in database {@code bench} (collection {@code seed_templates}) as long as
 * its application still exists, so later seeding needs neither a scan nor Kafka.
 * <p>
 * Not seeded: exchange-service's access records and audit chain (a hash chain: a copy would not link), GridFS
 * uploads (the theme runs upload none), identity-service persons for the synthetic applicants. Kept as in the
 * template, because the bench holds none of the platform's keys: the sealed (encrypted) ID number and the sealed
 * signed credential of each licence — same size and shape, but a seeded licence opened in full shows the
 * template's holder, and its credential does not verify against its own number.
 */
public final class HistorySeeder implements AutoCloseable {

	static final String APPLICATION_DB = System.getProperty("bench.seed.application-db", "application-service");

	static final String LICENCE_DB = System.getProperty("bench.seed.licence-db", "license-service");

	static final String BENCH_DB = "bench";

	static final int APPLICATIONS_PER_ROUND = 250;

	static final int BATCH = 1_000;

	static final Duration SPAN = Duration.ofDays(180);

	static final Duration NEWEST = Duration.ofDays(1);

	static final ZoneId LICENCE_ZONE = ZoneId.of("Asia/Shanghai");

	private final BenchTarget target;

	private final Progress progress;

	private final MongoClient mongo;

	private final MongoDatabase applicationDb;

	private final MongoDatabase licenceDb;

	private final SplittableRandom random = new SplittableRandom();

	private HistoryCloner cloner;

	/** Time spent inserting into each collection during the current seeding (nanoseconds). */
	private final Map<String, Long> insertNanos = new LinkedHashMap<>();

	private SeedTemplate template;

	public HistorySeeder(BenchTarget target, Progress progress) {
		this.target = target;
		this.progress = progress;
		this.mongo = MongoClients.create(Loopback.mongoUri(target.mongoUri()));
		this.applicationDb = mongo.getDatabase(APPLICATION_DB);
		this.licenceDb = mongo.getDatabase(LICENCE_DB);
	}

	/** Applications stored now (seeded and real). */
	public long storedApplications() {
		return applicationDb.getCollection("applications").estimatedDocumentCount();
	}

	/**
	 * Seeds applications until {@code storedApplications} are stored.
	 * @return how many were seeded (0 when as many or more are stored already)
	 */
	public long seedUntil(long storedApplications) {
		long stored = storedApplications();
		long wanted = storedApplications - stored;
		if (wanted <= 0) {
			progress.report("seed: " + stored + " applications stored, nothing to seed");
			return 0;
		}
		prepare();
		insertNanos.clear();
		StatusIndexPool positions = loadPositions();
		checkCapacity(positions, wanted);
		progress.report(String.format("seed: %d applications stored, seeding %d (%d documents each) from template %s",
				stored, wanted, template.documentsPerApplication(), template.applicationId()));
		long begin = System.nanoTime();
		long lastReport = begin;
		long seeded = 0;
		long documents = 0;
		while (seeded < wanted) {
			int round = (int) Math.min(APPLICATIONS_PER_ROUND, wanted - seeded);
			documents += seedRound(round, positions);
			seeded += round;
			long now = System.nanoTime();
			if (now - lastReport >= TimeUnit.SECONDS.toNanos(2) || seeded == wanted) {
				lastReport = now;
				double seconds = Math.max(1e-9, (now - begin) / 1e9);
				progress.report(String.format("seed: %d/%d seeded (%d stored), %.0f applications/s, %.0f documents/s",
						seeded, wanted, stored + seeded, seeded / seconds, documents / seconds));
			}
		}
		double seconds = (System.nanoTime() - begin) / 1e9;
		progress.report(String.format("seed: done: %d applications (%d documents) in %.1f s, %.0f applications/s",
				seeded, documents, seconds, seeded / Math.max(1e-9, seconds)));
		StringBuilder spent = new StringBuilder("seed: insert time by collection:");
		insertNanos.forEach((collection, nanos) -> spent.append(' ')
			.append(collection)
			.append(' ')
			.append(TimeUnit.NANOSECONDS.toMillis(nanos) / 1000.0)
			.append(" s;"));
		progress.report(spent.toString());
		return seeded;
	}

	/**
	 * Removes every seeded document again (those marked {@code seededBy: "bench"}), leaving what the platform made
	 * itself. Deletes go by {@code _id} in batches: on the local stand-in a delete by any other filter reads the
	 * whole collection. License-service's serial counters keep their advance (numbers have gaps anyway).
	 * @return documents removed
	 */
	public long removeSeeded() {
		long removed = 0;
		long begin = System.nanoTime();
		for (MongoDatabase db : List.of(applicationDb, licenceDb)) {
			for (String name : List.of("applications", "notifications", "processed_events", "webhook_deliveries",
					"licenses", "license_status_indexes", "license_uses")) {
				MongoCollection<Document> collection = db.getCollection(name);
				List<Object> ids = new ArrayList<>();
				collection.find(Filters.eq(HistoryCloner.SEEDED_BY, HistoryCloner.SEEDED_BY_VALUE))
					.projection(Projections.include("_id"))
					.batchSize(5_000)
					.forEach(d -> ids.add(d.get("_id")));
				for (int from = 0; from < ids.size(); from += BATCH) {
					List<com.mongodb.client.model.DeleteOneModel<Document>> deletes = new ArrayList<>();
					ids.subList(from, Math.min(ids.size(), from + BATCH))
						.forEach(id -> deletes.add(new com.mongodb.client.model.DeleteOneModel<>(Filters.eq("_id", id))));
					removed += collection.bulkWrite(deletes, new com.mongodb.client.model.BulkWriteOptions().ordered(false))
						.getDeletedCount();
				}
			}
		}
		progress.report(String.format("seed: removed %d seeded documents in %.1f s", removed,
				(System.nanoTime() - begin) / 1e9));
		return removed;
	}

	/** Finds (or makes) the template and compiles it. */
	private void prepare() {
		if (cloner != null) {
			return;
		}
		MongoCollection<Document> stored = mongo.getDatabase(BENCH_DB).getCollection("seed_templates");
		Document kept = stored.find(Filters.eq("_id", TemplateCapture.THEME)).first();
		if (kept != null && applicationDb.getCollection("applications")
			.find(Filters.eq("_id", kept.getString("applicationId")))
			.first() != null) {
			template = SeedTemplate.of(kept);
			progress.report("seed: template " + template.applicationId() + " (kept from an earlier capture)");
		}
		else {
			TemplateCapture capture = new TemplateCapture(mongo, APPLICATION_DB, LICENCE_DB, target.kafkaBootstrap(),
					progress);
			Optional<Document> found = capture.newestCompleted();
			if (found.isEmpty()) {
				progress.report("seed: no completed theme application stored yet: making one through the gateway");
				try (ThemeScenario scenario = new ThemeScenario(target, progress)) {
					scenario.run(1, 1);
				}
				found = settled(capture);
			}
			template = capture.capture(found.orElseThrow(
					() -> new IllegalStateException("no completed theme application to take as the template")));
			stored.replaceOne(Filters.eq("_id", TemplateCapture.THEME), template.toDocument(TemplateCapture.THEME),
					new ReplaceOptions().upsert(true));
		}
		cloner = new HistoryCloner(template);
	}

	/**
	 * The newest usable application, waiting up to a minute: the bench learns completion from the licence events,
	 * and application-service records the licence numbers on the application from the same events, with its own lag.
	 */
	private static Optional<Document> settled(TemplateCapture capture) {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		Optional<Document> found = capture.newestCompleted();
		while (found.isEmpty() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(1_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return found;
			}
			found = capture.newestCompleted();
		}
		return found;
	}

	private StatusIndexPool loadPositions() {
		StatusIndexPool pool = new StatusIndexPool(random.nextLong());
		for (Document taken : licenceDb.getCollection("license_status_indexes")
			.find()
			.projection(Projections.include("issuer", "index"))) {
			if (taken.get("index") instanceof Number index && taken.getString("issuer") != null) {
				pool.taken(taken.getString("issuer"), index.intValue());
			}
		}
		return pool;
	}

	private void checkCapacity(StatusIndexPool positions, long applications) {
		Map<String, Long> perIssuer = new HashMap<>();
		cloner.licenceTemplates().forEach(l -> perIssuer.merge(l.issuer(), applications, Long::sum));
		perIssuer.forEach((issuer, needed) -> {
			if (needed > positions.free(issuer)) {
				throw new IllegalStateException(String.format(
						"cannot seed %d applications: the status list of %s has %d free positions of %d and license-service"
								+ " has no second list, so %s could issue no more licences",
						applications, issuer, positions.free(issuer), StatusIndexPool.SIZE, issuer));
			}
		});
	}

	/** One round: numbers and positions reserved, clones made, everything inserted. */
	private long seedRound(int count, StatusIndexPool positions) {
		List<HistoryCloner.LicenceTemplate> licences = cloner.licenceTemplates();
		long now = System.currentTimeMillis();
		long[] offsets = new long[count];
		for (int i = 0; i < count; i++) {
			long submittedAt = now - NEWEST.toMillis() - random.nextLong(SPAN.toMillis());
			offsets[i] = submittedAt - cloner.submittedAtMillis();
		}
		// serials from license-service's counters, reserved in blocks
		Map<String, List<int[]>> byCounter = new LinkedHashMap<>();
		int[][] years = new int[count][licences.size()];
		for (int i = 0; i < count; i++) {
			for (int j = 0; j < licences.size(); j++) {
				HistoryCloner.LicenceTemplate l = licences.get(j);
				years[i][j] = Instant.ofEpochMilli(l.issuedAtMillis() + offsets[i]).atZone(LICENCE_ZONE).getYear();
				byCounter.computeIfAbsent(l.type() + "|" + l.issuer() + "|" + years[i][j], k -> new ArrayList<>())
					.add(new int[] { i, j });
			}
		}
		String[][] numbers = new String[count][licences.size()];
		MongoCollection<Document> counters = licenceDb.getCollection("license_counters");
		byCounter.forEach((key, slots) -> {
			Document counter = counters.findOneAndUpdate(Filters.eq("_id", key), Updates.inc("seq", (long) slots.size()),
					new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
			long serial = ((Number) counter.get("seq")).longValue() - slots.size() + 1;
			for (int[] slot : slots) {
				HistoryCloner.LicenceTemplate l = licences.get(slot[1]);
				numbers[slot[0]][slot[1]] = LicenceNumbers.of(l.type(), l.issuer(), years[slot[0]][slot[1]], serial++);
			}
		});
		int[][] statusIndexes = reservePositions(count, positions);
		List<HistoryCloner.Clone> clones = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			clones.add(cloner.clone(cloner.newIds(List.of(numbers[i]), random), offsets[i], statusIndexes[i]));
		}
		long documents = count * (long) licences.size();
		documents += insert(licenceDb, "licenses", clones, HistoryCloner.Clone::licences);
		documents += insert(licenceDb, "processed_events", clones, HistoryCloner.Clone::licenceProcessed);
		documents += insert(licenceDb, "license_uses", clones, HistoryCloner.Clone::licenceUses);
		documents += insert(applicationDb, "applications", clones, c -> List.of(c.application()));
		documents += insert(applicationDb, "notifications", clones, HistoryCloner.Clone::notifications);
		documents += insert(applicationDb, "processed_events", clones, HistoryCloner.Clone::applicationProcessed);
		documents += insert(applicationDb, "webhook_deliveries", clones, HistoryCloner.Clone::webhookDeliveries);
		return documents;
	}

	/** A status-list position per licence, reserved under license-service's unique {@code <issuer>|<index>}. */
	private int[][] reservePositions(int count, StatusIndexPool positions) {
		List<HistoryCloner.LicenceTemplate> licences = cloner.licenceTemplates();
		int[][] result = new int[count][licences.size()];
		long begin = System.nanoTime();
		List<int[]> pending = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			for (int j = 0; j < licences.size(); j++) {
				pending.add(new int[] { i, j });
			}
		}
		MongoCollection<Document> reserved = licenceDb.getCollection("license_status_indexes");
		for (int round = 0; !pending.isEmpty(); round++) {
			if (round == 20) {
				throw new IllegalStateException("could not reserve status-list positions: " + pending.size() + " left");
			}
			List<Document> docs = new ArrayList<>(pending.size());
			for (int[] slot : pending) {
				String issuer = licences.get(slot[1]).issuer();
				int index = positions.draw(issuer);
				result[slot[0]][slot[1]] = index;
				docs.add(new Document("_id", issuer + "|" + index).append("issuer", issuer)
					.append("index", index)
					.append(HistoryCloner.SEEDED_BY, HistoryCloner.SEEDED_BY_VALUE));
			}
			List<int[]> retry = new ArrayList<>();
			try {
				reserved.insertMany(docs, new InsertManyOptions().ordered(false));
			}
			catch (MongoBulkWriteException ex) {
				for (BulkWriteError error : ex.getWriteErrors()) {
					if (error.getCode() != 11000) {
						throw ex;
					}
					retry.add(pending.get(error.getIndex())); // taken by license-service meanwhile: draw again
				}
			}
			pending = retry;
		}
		insertNanos.merge(LICENCE_DB + ".license_status_indexes", System.nanoTime() - begin, Long::sum);
		return result;
	}

	private long insert(MongoDatabase db, String collection, List<HistoryCloner.Clone> clones,
			java.util.function.Function<HistoryCloner.Clone, List<Document>> part) {
		List<Document> docs = new ArrayList<>();
		clones.forEach(c -> docs.addAll(part.apply(c)));
		MongoCollection<Document> target = db.getCollection(collection);
		long begin = System.nanoTime();
		for (int from = 0; from < docs.size(); from += BATCH) {
			List<Document> batch = docs.subList(from, Math.min(docs.size(), from + BATCH));
			try {
				target.insertMany(batch, new InsertManyOptions().ordered(false));
			}
			catch (MongoBulkWriteException ex) {
				BulkWriteError first = ex.getWriteErrors().get(0);
				throw new IllegalStateException(ex.getWriteErrors().size() + " seeded documents refused by "
						+ db.getName() + "." + collection + ", e.g. " + first.getCode() + " " + first.getMessage(), ex);
			}
		}
		insertNanos.merge(db.getName() + "." + collection, System.nanoTime() - begin, Long::sum);
		return docs.size();
	}

	@Override
	public void close() {
		mongo.close();
	}

}
