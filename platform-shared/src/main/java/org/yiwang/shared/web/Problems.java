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
	 * The JSON text of a problem, for the places that answer before Spring MVC or WebFlux can (servlet filters,
	 * Tomcat's error report valve): {@code type}, {@code title}, {@code status}, {@code detail} and, when a field is
	 * at fault, {@code errors}.
	 */
	public static String json(int status, String type, String title, String detail, FieldError error) {
		StringBuilder json = new StringBuilder(160).append("{\"type\":\"")
			.append(escape(TYPE_BASE + type))
			.append("\",\"title\":\"")
			.append(escape(title))
			.append("\",\"status\":")
			.append(status)
			.append(",\"detail\":\"")
			.append(escape(detail))
			.append('"');
		if (error != null) {
			json.append(",\"errors\":[{\"field\":\"")
				.append(escape(error.field()))
				.append("\",\"rule\":\"")
				.append(escape(error.rule()))
				.append("\"}]");
		}
		return json.append('}').toString();
	}

	static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 8);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

	/** The reason phrase of a status code, or "Error". */
	public static String title(int status) {
		org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
		return known != null ? known.getReasonPhrase() : "Error";
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
