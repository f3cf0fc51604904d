package org.yiwang.local.store;

import java.nio.ByteBuffer;
import java.util.Objects;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the wire server's unique-index keys are ordered in their H2 B-tree: by value, as MongoDB orders BSON values.
 * H2's default type does not know {@link KeyValue}, so it compared two keys by Java-serialising both on every step
 * of every binary search; that was a third of the wire server's CPU under the benchmark (JFR, issue 11). The bytes
 * on disk are unchanged (written and read by H2's own object type); only the order differs, so an index written in
 * the old order is rebuilt once when it is opened ({@link ValueOrderedH2Backend}).
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

	static final IndexKeyType INSTANCE = new IndexKeyType();

	private final ObjectDataType objects = new ObjectDataType();

	private IndexKeyType() {
	}

	@Override
	public int compare(KeyValue a, KeyValue b) {
		if (a == b) {
			return 0;
		}
		int n = Math.min(a.size(), b.size());
		for (int i = 0; i < n; i++) {
			int c = compareValues(a.get(i), b.get(i));
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(a.size(), b.size());
	}

	/**
	 * MongoDB's order of values, made total and consistent with {@link KeyValue#equals}: values the comparator
	 * calls equal but which are not (null and a missing field) are ordered by their type, then by their bytes.
	 */
	private int compareValues(Object x, Object y) {
		int c = ValueComparator.asc().compare(x, y);
		if (c != 0 || Objects.equals(x, y)) {
			return c;
		}
		c = typeName(x).compareTo(typeName(y));
		return c != 0 ? c : objects.compare(x, y);
	}

	private static String typeName(Object value) {
		return value == null ? "" : value.getClass().getName();
	}

	@Override
	public int getMemory(KeyValue key) {
		return 48 + 40 * key.size();
	}

	@Override
	public void write(WriteBuffer buffer, KeyValue key) {
		objects.write(buffer, key);
	}

	@Override
	public KeyValue read(ByteBuffer buffer) {
		return (KeyValue) objects.read(buffer);
	}

	@Override
	public KeyValue[] createStorage(int size) {
		return new KeyValue[size];
	}

}
