package org.yiwang.shared.contracts;

import org.yiwang.shared.events.InvalidEventException;

final class Contracts {

	private Contracts() {
	}

	static void requireText(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidEventException(field, "must be present");
		}
	}

}
