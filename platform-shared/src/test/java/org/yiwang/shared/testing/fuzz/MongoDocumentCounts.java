package org.yiwang.shared.testing.fuzz;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Document counts of every collection of a service's database, for "a rejected request persists nothing". */
public final class MongoDocumentCounts {

	private MongoDocumentCounts() {
	}

	/** @param ignored collections written by background work, not by requests (e.g. processed events) */
	public static Supplier<Map<String, Long>> of(MongoTemplate mongo, String... ignored) {
		Set<String> skip = Set.of(ignored);
		return () -> {
			Map<String, Long> counts = new TreeMap<>();
			for (String name : mongo.getCollectionNames()) {
				if (!skip.contains(name)) {
					counts.put(name, mongo.getCollection(name).countDocuments());
				}
			}
			return counts;
		};
	}

}
