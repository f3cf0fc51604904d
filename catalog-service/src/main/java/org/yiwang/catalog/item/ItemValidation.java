package org.yiwang.catalog.item;

import org.yiwang.shared.web.InvalidRequestException;

/** Field-named validation helpers: every element error names the JSON path of the offending field. */
final class ItemValidation {

	private ItemValidation() {
	}

	static InvalidRequestException invalid(String field, String rule) {
		return new InvalidRequestException(field + " " + rule, field, rule);
	}

	static void requireText(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			throw invalid(field, "must not be blank");
		}
		if (value.length() > max) {
			throw invalid(field, "must be at most " + max + " characters");
		}
	}

	static void requireRange(int value, String field, int min, int max) {
		if (value < min || value > max) {
			throw invalid(field, "must be between " + min + " and " + max);
		}
	}

}
