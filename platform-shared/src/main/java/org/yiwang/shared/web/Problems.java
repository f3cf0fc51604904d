package org.yiwang.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the platform's RFC 9457 problem details: stable {@code type} URIs and a per-field {@code errors} list. */
public final class Problems {

	public static final String TYPE_BASE = "https://yiwang.dev/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return problem;
	}

	public static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors.stream().map(FieldError::asMap).toList());
		}
		return problem;
	}

	/**
	 * One offending field and the rule it breaks. Rejected values are never echoed: they may be personal data.
	 */
	public record FieldError(String field, String rule) {

		Map<String, Object> asMap() {
			return Map.of("field", field, "rule", rule);
		}

	}

}
