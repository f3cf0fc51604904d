package org.yiwang.catalog.web;

import java.util.List;

import org.yiwang.shared.web.PageView;

/** Pagination of in-memory lists (the read model is in memory). */
final class Pages {

	private Pages() {
	}

	static <T> PageView<T> of(List<T> all, int page, int size) {
		int from = (int) Math.min((long) page * size, all.size());
		int to = Math.min(from + size, all.size());
		return new PageView<>(all.subList(from, to), page, size, all.size());
	}

}
