package org.yiwang.shared.web;

import org.junit.jupiter.api.Test;
import org.yiwang.shared.config.PlatformJacksonAutoConfiguration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request-target and JSON-scalar rules of docs/bad-input.md. */
class BadInputRulesTest {

	record Item(int promisedDays, boolean onceOnly, Double fee) {
	}

	static final JsonMapper STRICT = strict();

	static JsonMapper strict() {
		JsonMapper.Builder builder = JsonMapper.builder();
		PlatformJacksonAutoConfiguration.strictScalars(builder);
		return builder.build();
	}

	@Test
	void queriesMustBePercentEncodedUtf8() {
		assertThat(RequestTargets.queryProblem(null)).isNull();
		assertThat(RequestTargets.queryProblem("q=%E4%B8%AD%E6%96%87&page=1&x=a+b&flag")).isNull();
		assertThat(RequestTargets.queryProblem("page=1&x=%ff")).isEqualTo(
				new Problems.FieldError("x", "must be valid percent-encoded UTF-8"));
		assertThat(RequestTargets.queryProblem("x=%zz").field()).isEqualTo("x");
		assertThat(RequestTargets.queryProblem("x=%").field()).isEqualTo("x");
		assertThat(RequestTargets.queryProblem("x=%e4%b8").field()).isEqualTo("x");
		assertThat(RequestTargets.queryProblem("%ff=1").field()).isEqualTo("query");
	}

	@Test
	void floatsAreNoIntegersAndIntegersNoBooleans() {
		assertThatThrownBy(() -> STRICT.readValue("{\"promisedDays\":1.5,\"onceOnly\":true}", Item.class))
			.isInstanceOf(JacksonException.class)
			.satisfies(ex -> assertThat(((JacksonException) ex).getPath().get(0).getPropertyName())
				.isEqualTo("promisedDays"));
		assertThatThrownBy(() -> STRICT.readValue("{\"promisedDays\":1,\"onceOnly\":2}", Item.class))
			.isInstanceOf(JacksonException.class)
			.satisfies(ex -> assertThat(((JacksonException) ex).getPath().get(0).getPropertyName())
				.isEqualTo("onceOnly"));
		Item fine = STRICT.readValue("{\"promisedDays\":\"10\",\"onceOnly\":false,\"fee\":1}", Item.class);
		assertThat(fine).isEqualTo(new Item(10, false, 1.0));
	}

	@Test
	void problemJsonIsEscaped() {
		assertThat(Problems.json(400, "validation", "Invalid \"request\"", "a\nb", new Problems.FieldError("x", "y")))
			.isEqualTo("{\"type\":\"https://yiwang.dev/problems/validation\",\"title\":\"Invalid \\\"request\\\"\","
					+ "\"status\":400,\"detail\":\"a\\nb\",\"errors\":[{\"field\":\"x\",\"rule\":\"y\"}]}");
	}

}
