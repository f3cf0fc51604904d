package org.yiwang.local.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with its unique indexes kept in value order ({@link IndexKeyType}) instead of H2's
 * serialise-and-compare order for unknown types. Same file format; an index map written by the stock backend is
 * re-sorted once when first opened, and remembered as done in the map {@value #ORDERED}.
 */
public final class ValueOrderedH2Backend extends H2Backend {

	static final String ORDERED = "yiwang.value-ordered-indexes";

	/**
	 * The store, for the databases being constructed on this thread: H2Database opens its indexes from its own
	 * constructor, before a subclass could have set a field.
	 */
	private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

	public ValueOrderedH2Backend(String fileName) {
		super(MVStore.open(fileName));
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		OPENING.set(getMvStore());
		try {
			return new Database(databaseName, getMvStore(), this);
		}
		finally {
			OPENING.remove();
		}
	}

	static final class Database extends H2Database {

		private final MVStore store;

		Database(String name, MVStore store, ValueOrderedH2Backend backend) {
			super(name, store, backend.getCursorRegistry());
			this.store = store;
		}

		private MVStore store() {
			return this.store != null ? this.store : OPENING.get();
		}

		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			MVStore store = store();
			String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
			MVMap<KeyValue, Object> map = store.openMap(mapName,
					new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
			MVMap<String, Boolean> ordered = store.openMap(ORDERED);
			if (!Boolean.TRUE.equals(ordered.get(mapName))) {
				resort(map);
				ordered.put(mapName, Boolean.TRUE);
			}
			return new ValueOrderedUniqueIndex(map, indexName, keys, sparse);
		}

		/** Entries are read by walking the pages (no comparisons), then put back in value order. */
		private static void resort(MVMap<KeyValue, Object> map) {
			if (map.isEmpty()) {
				return;
			}
			List<Map.Entry<KeyValue, Object>> entries = new ArrayList<>(map.size());
			map.entrySet().forEach(e -> entries.add(Map.entry(e.getKey(), e.getValue())));
			map.clear();
			entries.forEach(e -> map.put(e.getKey(), e.getValue()));
		}

	}

}
