package org.yiwang.catalog.theme;

/** {@code answer(question) op value}, e.g. {@code seats GT 50}. */
public record Condition(String question, Operator op, Object value) {

	boolean holds(Question q, Object answer) {
		if (answer == null) {
			return false;
		}
		Object expected = q.coerce(value);
		return switch (op) {
			case EQ -> answer.equals(expected);
			case NE -> !answer.equals(expected);
			case GT -> (Long) answer > (Long) expected;
			case GE -> (Long) answer >= (Long) expected;
			case LT -> (Long) answer < (Long) expected;
			case LE -> (Long) answer <= (Long) expected;
		};
	}

}
