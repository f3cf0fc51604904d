package org.yiwang.catalog.theme;

import java.util.List;

/**
 * A situation question. NUMBER questions have whole-number answers within {@code [min, max]} (defaults 0 and
 * 1,000,000); SINGLE_CHOICE questions have options.
 */
public record Question(String id, String text, QuestionType type, List<String> options, Long min, Long max) {

	public Question {
		options = options == null ? List.of() : List.copyOf(options);
		if (type == QuestionType.NUMBER) {
			min = min == null ? 0L : min;
			max = max == null ? 1_000_000L : max;
		}
	}

	public static Question yesNo(String id, String text) {
		return new Question(id, text, QuestionType.BOOLEAN, null, null, null);
	}

	public static Question number(String id, String text, long min, long max) {
		return new Question(id, text, QuestionType.NUMBER, null, min, max);
	}

	public static Question choice(String id, String text, String... options) {
		return new Question(id, text, QuestionType.SINGLE_CHOICE, List.of(options), null, null);
	}

	/** The typed value of a raw JSON answer or rule value, or null when it does not fit the question. */
	Object coerce(Object raw) {
		if (raw == null) {
			return null;
		}
		return switch (type) {
			case BOOLEAN -> raw instanceof Boolean b ? b : null;
			case NUMBER -> {
				if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
					long value = n.longValue();
					yield value >= min && value <= max ? value : null;
				}
				yield null;
			}
			case SINGLE_CHOICE -> raw instanceof String s && options.contains(s) ? s : null;
		};
	}

	String expectation() {
		return switch (type) {
			case BOOLEAN -> "must be true or false";
			case NUMBER -> "must be a whole number between " + min + " and " + max;
			case SINGLE_CHOICE -> "must be one of " + options;
		};
	}

}
