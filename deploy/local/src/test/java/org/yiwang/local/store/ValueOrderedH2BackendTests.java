package org.yiwang.local.store;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The value-ordered index keys against the real wire protocol and a real H2 file: lookups, uniqueness, survival
 * across a restart, and a store written by the stock backend re-sorted on first open.
 */
class ValueOrderedH2BackendTests {

	@TempDir
	Path dir;

	@Test
	void findsEveryDocumentByItsKeysAndRejectsDuplicates() {
		Path file = this.dir.resolve("store.mv");
		withServer(() -> new ValueOrderedH2Backend(file.toString()), items -> {
			items.createIndex(Indexes.ascending("caseIds"), new IndexOptions().unique(true));
			items.createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true));
			List<Integer> order = shuffled(600, 7);
			order.forEach(i -> items.insertOne(document(i)));
			for (int i = 0; i < 600; i += 37) {
				assertThat(items.find(Filters.eq("_id", id(i))).first()).extracting(d -> d.get("n")).isEqualTo(i);
				assertThat(items.find(Filters.eq("caseIds", "CASE-" + i + "-b")).first()).extracting(d -> d.get("n"))
					.isEqualTo(i);
				assertThat(items.find(Filters.and(Filters.eq("_id", id(i)), Filters.eq("revision", 3L))).first())
					.extracting(d -> d.get("n"))
					.isEqualTo(i);
			}
			assertThat(items.find(Filters.eq("caseIds", "CASE-600-a")).first()).isNull();
			assertDuplicate(() -> items.insertOne(new Document("_id", id(5)).append("n", -1)));
			assertDuplicate(() -> items.insertOne(new Document("_id", "other").append("caseIds", List.of("CASE-9-a"))));
			// numbers compare by value, as in MongoDB: 42 and 42.0 are the same key
			items.insertOne(new Document("_id", 42L).append("n", 42));
			assertDuplicate(() -> items.insertOne(new Document("_id", 42.0).append("n", 43)));
			return null;
		});
	}

	@Test
	void keepsItsIndexesAcrossARestart() {
		Path file = this.dir.resolve("store.mv");
		withServer(() -> new ValueOrderedH2Backend(file.toString()), items -> {
			items.createIndex(Indexes.ascending("caseIds"), new IndexOptions().unique(true));
			shuffled(300, 11).forEach(i -> items.insertOne(document(i)));
			items.deleteOne(Filters.eq("_id", id(17)));
			items.updateOne(Filters.eq("_id", id(18)), new Document("$set", new Document("caseIds", List.of("MOVED"))));
			return null;
		});
		withServer(() -> new ValueOrderedH2Backend(file.toString()), items -> {
			assertThat(items.find(Filters.eq("_id", id(299))).first()).isNotNull();
			assertThat(items.find(Filters.eq("_id", id(17))).first()).isNull();
			assertThat(items.find(Filters.eq("caseIds", "CASE-17-a")).first()).isNull();
			assertThat(items.find(Filters.eq("caseIds", "MOVED")).first()).extracting(d -> d.get("n")).isEqualTo(18);
			assertThat(items.find(Filters.eq("caseIds", "CASE-18-a")).first()).isNull();
			items.insertOne(new Document("_id", "new").append("caseIds", List.of("CASE-18-a")));
			assertDuplicate(() -> items.insertOne(new Document("_id", id(200))));
			return null;
		});
	}

	@Test
	void resortsAStoreWrittenByTheStockBackendOnce() {
		Path file = this.dir.resolve("store.mv");
		withServer(() -> new H2Backend(file.toString()), items -> {
			items.createIndex(Indexes.ascending("caseIds"), new IndexOptions().unique(true));
			shuffled(400, 13).forEach(i -> items.insertOne(document(i)));
			return null;
		});
		for (int run = 0; run < 2; run++) {
			withServer(() -> new ValueOrderedH2Backend(file.toString()), items -> {
				for (int i = 0; i < 400; i += 7) {
					assertThat(items.find(Filters.eq("_id", id(i))).first()).extracting(d -> d.get("n")).isEqualTo(i);
					assertThat(items.find(Filters.eq("caseIds", "CASE-" + i + "-a")).first()).isNotNull();
				}
				assertDuplicate(() -> items.insertOne(new Document("_id", id(3))));
				assertDuplicate(() -> items.insertOne(new Document("_id", "x").append("caseIds", List.of("CASE-3-b"))));
				return null;
			});
		}
		MVStore store = MVStore.open(file.toString());
		try {
			assertThat(store.<String, Boolean>openMap(ValueOrderedH2Backend.ORDERED).keySet())
				.contains("db.items._index__id_", "db.items._index_caseIds_1");
		}
		finally {
			store.close();
		}
	}

	private static Document document(int i) {
		return new Document("_id", id(i)).append("n", i)
			.append("revision", 3L)
			.append("caseIds", List.of("CASE-" + i + "-a", "CASE-" + i + "-b"));
	}

	private static String id(int i) {
		return "APP-" + Integer.toString(i * 7919 % 1000 + 1000 * i, 36);
	}

	private static List<Integer> shuffled(int n, long seed) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			order.add(i);
		}
		Collections.shuffle(order, new Random(seed));
		return order;
	}

	private static void assertDuplicate(Runnable insert) {
		assertThatThrownBy(insert::run).isInstanceOfSatisfying(MongoWriteException.class,
				ex -> assertThat(ErrorCategory.fromErrorCode(ex.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
	}

	private static void withServer(java.util.function.Supplier<MongoBackend> backend,
			Function<MongoCollection<Document>, Void> work) {
		MongoServer server = new MongoServer(backend.get());
		InetSocketAddress address = server.bind();
		try (MongoClient client = MongoClients
			.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
			work.apply(client.getDatabase("db").getCollection("items"));
		}
		finally {
			server.shutdownNow();
		}
	}

}
