package org.yiwang.shared.mongo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * Keeps guarded single-document writes key lookups on the embedded MongoDB stand-in.
 * <p>
 * Every optimistic save ({@code @Version}) updates {@code {_id: …, revision: n}}, and some writes guard on another
 * field ({@code {_id: …, claimedUntil: t}}). A real MongoDB answers those from the {@code _id} index. The wire
 * server used locally and in tests (mongo-java-server) only uses an index whose keys are exactly the queried
 * fields, so without help each such write reads every document of the collection — the cost of every save then
 * grows with the data (measured: the main reason throughput fell as applications accumulated). A unique index on
 * {@code (_id, <guard>)} is trivially unique and gives the stand-in the key lookup.
 * <p>
 * Declared for the version property of every mapped entity and for the extra {@code collection:field} pairs of
 * {@code platform.mongo.key-lookups}. Mode {@code platform.mongo.key-lookup-indexes}: {@code auto} (default:
 * only on the stand-in, recognised by a {@code buildInfo} without {@code gitVersion}; a real MongoDB does not need
 * them), {@code always}, {@code never}.
 */
public class KeyLookupIndexes implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(KeyLookupIndexes.class);

	private final MongoTemplate mongo;

	private final String mode;

	private final List<String> extra;

	public KeyLookupIndexes(MongoTemplate mongo, String mode, List<String> extra) {
		this.mongo = mongo;
		this.mode = mode == null ? "auto" : mode.toLowerCase(Locale.ROOT);
		this.extra = extra == null ? List.of() : List.copyOf(extra);
		if (!Set.of("auto", "always", "never").contains(this.mode)) {
			throw new IllegalArgumentException("platform.mongo.key-lookup-indexes must be auto, always or never");
		}
	}

	@Override
	public void afterSingletonsInstantiated() {
		if ("never".equals(mode) || ("auto".equals(mode) && !isStandIn(mongo))) {
			return;
		}
		for (String[] pair : guardedFields()) {
			String collection = pair[0];
			String field = pair[1];
			try {
				mongo.indexOps(collection)
					.createIndex(new Index().on("_id", Sort.Direction.ASC)
						.on(field, Sort.Direction.ASC)
						.unique()
						.named("_id_" + field + "_key"));
			}
			catch (RuntimeException ex) {
				log.warn("could not declare the key-lookup index (_id, {}) on {}: {}", field, collection,
						ex.getMessage());
			}
		}
	}

	/** {collection, field} pairs: every entity's version property, then the configured extras. */
	Set<String[]> guardedFields() {
		Set<String> seen = new LinkedHashSet<>();
		Set<String[]> pairs = new LinkedHashSet<>();
		for (MongoPersistentEntity<?> entity : mongo.getConverter().getMappingContext().getPersistentEntities()) {
			MongoPersistentProperty version = entity.getVersionProperty();
			if (version != null && entity.getCollection() != null
					&& seen.add(entity.getCollection() + ":" + version.getFieldName())) {
				pairs.add(new String[] { entity.getCollection(), version.getFieldName() });
			}
		}
		for (String entry : extra) {
			int colon = entry.indexOf(':');
			if (colon <= 0 || colon == entry.length() - 1) {
				throw new IllegalArgumentException(
						"platform.mongo.key-lookups entries are collection:field, got '" + entry + "'");
			}
			if (seen.add(entry)) {
				pairs.add(new String[] { entry.substring(0, colon), entry.substring(colon + 1) });
			}
		}
		return pairs;
	}

	/** Whether this is the embedded stand-in: its {@code buildInfo} has no {@code gitVersion}. */
	static boolean isStandIn(MongoTemplate mongo) {
		try {
			Document info = mongo.getDb().runCommand(new Document("buildInfo", 1));
			return !info.containsKey("gitVersion");
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
