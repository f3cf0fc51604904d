package org.yiwang.catalog.theme;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Can two conjunctions of conditions hold for the same answers? Decided per question, exactly: booleans and
 * choices by filtering the finite domain, numbers by intersecting whole-number intervals minus excluded points.
 */
final class Satisfiability {

	private Satisfiability() {
	}

	static boolean satisfiable(List<Condition> first, List<Condition> second, Map<String, Question> questions) {
		Set<String> asked = new LinkedHashSet<>();
		Stream.concat(first.stream(), second.stream()).forEach(c -> asked.add(c.question()));
		for (String id : asked) {
			Question q = questions.get(id);
			List<Condition> on = Stream.concat(first.stream(), second.stream())
				.filter(c -> c.question().equals(id))
				.toList();
			if (!satisfiable(q, on)) {
				return false;
			}
		}
		return true;
	}

	private static boolean satisfiable(Question q, List<Condition> conditions) {
		if (q.type() == QuestionType.NUMBER) {
			long lo = q.min();
			long hi = q.max();
			Set<Long> excluded = new HashSet<>();
			for (Condition c : conditions) {
				long v = (Long) q.coerce(c.value());
				switch (c.op()) {
					case EQ -> {
						lo = Math.max(lo, v);
						hi = Math.min(hi, v);
					}
					case NE -> excluded.add(v);
					case GT -> lo = Math.max(lo, v + 1);
					case GE -> lo = Math.max(lo, v);
					case LT -> hi = Math.min(hi, v - 1);
					case LE -> hi = Math.min(hi, v);
				}
			}
			if (lo > hi) {
				return false;
			}
			final long from = lo;
			final long to = hi;
			long inRange = excluded.stream().filter(v -> v >= from && v <= to).count();
			return to - from + 1 > inRange;
		}
		List<Object> domain = new ArrayList<>(
				q.type() == QuestionType.BOOLEAN ? List.of(Boolean.TRUE, Boolean.FALSE) : q.options());
		for (Condition c : conditions) {
			Object v = q.coerce(c.value());
			domain.removeIf(candidate -> c.op() == Operator.EQ ? !candidate.equals(v) : candidate.equals(v));
		}
		return !domain.isEmpty();
	}

}
