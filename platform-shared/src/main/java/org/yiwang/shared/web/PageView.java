package org.yiwang.shared.web;

import java.util.List;

import org.springframework.data.domain.Page;

/** One page of a list: the items, the page asked for, and the total count. */
public record PageView<T>(List<T> items, int page, int size, long total) {

	public static <T> PageView<T> of(Page<T> page) {
		return new PageView<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
	}

}
