package org.yiwang.bench.theme;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON in and out (Jackson 3), and null-safe field reads. */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static JsonNode read(String json) {
		return MAPPER.readTree(json);
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/** The text of {@code node.field}, or null when absent or JSON null. */
	static String text(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		return value == null || value.isNull() || value.isMissingNode() ? null : value.asString();
	}

}
