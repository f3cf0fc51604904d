package org.yiwang.shared.contracts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yiwang.shared.events.InvalidEventException;

/**
 * The rules of a published theme (一件事) as {@code catalog.ThemePublished} carries them (added to v1 compatibly,
 * absent in older events): its items, its situation questionnaire, the rules that turn answers into the applicable
 * items and the conditional materials they make required, and the order constraints. The catalog owns these rules;
 * this is their meaning, so that a service binding a submission to the plan computes exactly what the catalog's
 * plan shows (catalog-service tests this against its own evaluation).
 *
 * <ul>
 * <li>An item with {@code always} applies unless an {@code EXCLUDE_ITEM} rule fires; otherwise it applies only when
 * an {@code INCLUDE_ITEM} rule fires.</li>
 * <li>A rule fires when all its conditions hold; a condition on an unanswered question does not hold.</li>
 * <li>{@code REQUIRE_MATERIAL} makes the item's conditional material {@code materialCode} required.</li>
 * <li>Order constraints among the applicable items are closed transitively through items that do not apply.</li>
 * </ul>
 *
 * @param items the theme's items in the theme's order
 * @param questions the questionnaire
 * @param rules the rules
 * @param order "{@code before} concludes before {@code after} starts"
 */
public record ThemePlan(List<Item> items, List<Question> questions, List<Rule> rules, List<Order> order) {

	public static final Set<String> QUESTION_TYPES = Set.of("BOOLEAN", "NUMBER", "SINGLE_CHOICE");

	public static final Set<String> OPERATORS = Set.of("EQ", "NE", "GT", "GE", "LT", "LE");

	public static final Set<String> ACTIONS = Set.of("INCLUDE_ITEM", "EXCLUDE_ITEM", "REQUIRE_MATERIAL");

	public ThemePlan {
		items = items == null ? List.of() : List.copyOf(items);
		questions = questions == null ? List.of() : List.copyOf(questions);
		rules = rules == null ? List.of() : List.copyOf(rules);
		order = order == null ? List.of() : List.copyOf(order);
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			Contracts.requireText(items.get(i).itemCode(), "payload.plan.items[" + i + "].itemCode");
		}
		for (int i = 0; i < questions.size(); i++) {
			Question q = questions.get(i);
			Contracts.requireText(q.id(), "payload.plan.questions[" + i + "].id");
			if (!QUESTION_TYPES.contains(q.type())) {
				throw new InvalidEventException("payload.plan.questions[" + i + "].type",
						"must be one of " + QUESTION_TYPES);
			}
			ids.add(q.id());
		}
		for (int i = 0; i < rules.size(); i++) {
			Rule r = rules.get(i);
			String field = "payload.plan.rules[" + i + "]";
			Contracts.requireText(r.id(), field + ".id");
			Contracts.requireText(r.itemCode(), field + ".itemCode");
			if (!ACTIONS.contains(r.action())) {
				throw new InvalidEventException(field + ".action", "must be one of " + ACTIONS);
			}
			if ("REQUIRE_MATERIAL".equals(r.action())) {
				Contracts.requireText(r.materialCode(), field + ".materialCode");
			}
			for (int c = 0; c < r.when().size(); c++) {
				Condition condition = r.when().get(c);
				if (!ids.contains(condition.question())) {
					throw new InvalidEventException(field + ".when[" + c + "].question", "must name a question");
				}
				if (!OPERATORS.contains(condition.op())) {
					throw new InvalidEventException(field + ".when[" + c + "].op", "must be one of " + OPERATORS);
				}
			}
		}
	}

	/** An item of the theme; {@code always}: applies unless excluded, else only when included. */
	public record Item(String itemCode, boolean always) {
	}

	/**
	 * A question: {@code BOOLEAN} (true/false), {@code NUMBER} (a whole number in {@code [min, max]}) or
	 * {@code SINGLE_CHOICE} (one of {@code options}).
	 */
	public record Question(String id, String text, String type, List<String> options, Long min, Long max) {

		public Question {
			options = options == null ? List.of() : List.copyOf(options);
			if ("NUMBER".equals(type)) {
				min = min == null ? 0L : min;
				max = max == null ? 1_000_000L : max;
			}
		}

		/** The typed value of a raw JSON answer or rule value, or null when it does not fit the question. */
		public Object coerce(Object raw) {
			if (raw == null) {
				return null;
			}
			return switch (type) {
				case "BOOLEAN" -> raw instanceof Boolean b ? b : null;
				case "NUMBER" -> {
					if (raw instanceof Number n && !Double.isInfinite(n.doubleValue())
							&& n.doubleValue() == Math.rint(n.doubleValue())) {
						long value = n.longValue();
						yield value >= min && value <= max ? value : null;
					}
					yield null;
				}
				case "SINGLE_CHOICE" -> raw instanceof String s && options.contains(s) ? s : null;
				default -> null;
			};
		}

		/** What a fitting answer looks like, for the problem naming {@code answers.<id>}. */
		public String expectation() {
			return switch (type) {
				case "BOOLEAN" -> "must be true or false";
				case "NUMBER" -> "must be a whole number between " + min + " and " + max;
				default -> "must be one of " + options;
			};
		}

	}

	/** {@code answer(question) op value}. */
	public record Condition(String question, String op, Object value) {

		boolean holds(Question q, Object answer) {
			Object expected = q.coerce(value);
			if (answer == null || expected == null) {
				return false;
			}
			return switch (op) {
				case "EQ" -> answer.equals(expected);
				case "NE" -> !answer.equals(expected);
				case "GT" -> (Long) answer > (Long) expected;
				case "GE" -> (Long) answer >= (Long) expected;
				case "LT" -> (Long) answer < (Long) expected;
				case "LE" -> (Long) answer <= (Long) expected;
				default -> false;
			};
		}

	}

	/** When all of {@code when} hold, {@code action} applies to {@code itemCode} (and {@code materialCode}). */
	public record Rule(String id, List<Condition> when, String action, String itemCode, String materialCode) {

		public Rule {
			when = when == null ? List.of() : List.copyOf(when);
		}

	}

	/** {@code before} must conclude before {@code after} starts. */
	public record Order(String before, String after) {
	}

	/** An answer that does not fit: {@code field} is {@code answers.<question>}. */
	public record AnswerProblem(String field, String rule) {
	}

	/**
	 * The outcome for one answer set: the applicable items (in the theme's order), the conditional materials made
	 * required per item, the rules that fired, and the order constraints among the applicable items.
	 */
	public record Selection(List<String> itemCodes, Map<String, Set<String>> requiredMaterials, List<String> firedRules,
			List<Order> order) {

		public boolean requires(String itemCode, String materialCode) {
			return requiredMaterials.getOrDefault(itemCode, Set.of()).contains(materialCode);
		}

	}

	public List<String> itemCodes() {
		return items.stream().map(Item::itemCode).toList();
	}

	/**
	 * What is wrong with a raw answer set, in question order: unknown questions, values that do not fit, and, when
	 * {@code complete}, unanswered questions. Empty when the answers fit.
	 */
	public List<AnswerProblem> answerProblems(Map<String, Object> raw, boolean complete) {
		Map<String, Object> answers = raw == null ? Map.of() : raw;
		Map<String, Question> byId = questionsById();
		List<AnswerProblem> problems = new ArrayList<>();
		answers.keySet()
			.stream()
			.filter(id -> !byId.containsKey(id))
			.sorted()
			.forEach(id -> problems.add(new AnswerProblem("answers." + id, "is not a question of this theme")));
		for (Question q : questions) {
			Object value = answers.get(q.id());
			if (value == null) {
				if (complete) {
					problems.add(new AnswerProblem("answers." + q.id(), "must be answered (" + q.expectation() + ")"));
				}
			}
			else if (q.coerce(value) == null) {
				problems.add(new AnswerProblem("answers." + q.id(), q.expectation()));
			}
		}
		return problems;
	}

	/** The typed answers (whole numbers as {@code Long}); values that do not fit are left out. */
	public Map<String, Object> typedAnswers(Map<String, Object> raw) {
		Map<String, Object> typed = new LinkedHashMap<>();
		if (raw == null) {
			return typed;
		}
		for (Question q : questions) {
			Object value = q.coerce(raw.get(q.id()));
			if (value != null) {
				typed.put(q.id(), value);
			}
		}
		return typed;
	}

	/** Which items apply, which conditional materials are required, and in which order, for typed answers. */
	public Selection select(Map<String, Object> typedAnswers) {
		Map<String, Question> byId = questionsById();
		Set<String> included = new LinkedHashSet<>();
		items.stream().filter(Item::always).forEach(i -> included.add(i.itemCode()));
		Set<String> excluded = new HashSet<>();
		Map<String, Set<String>> required = new LinkedHashMap<>();
		List<String> fired = new ArrayList<>();
		for (Rule rule : rules) {
			boolean fires = rule.when()
				.stream()
				.allMatch(c -> c.holds(byId.get(c.question()), typedAnswers.get(c.question())));
			if (!fires) {
				continue;
			}
			fired.add(rule.id());
			switch (rule.action()) {
				case "INCLUDE_ITEM" -> included.add(rule.itemCode());
				case "EXCLUDE_ITEM" -> excluded.add(rule.itemCode());
				default -> required.computeIfAbsent(rule.itemCode(), k -> new LinkedHashSet<>()).add(rule.materialCode());
			}
		}
		List<String> applicable = itemCodes().stream()
			.filter(included::contains)
			.filter(code -> !excluded.contains(code))
			.toList();
		return new Selection(applicable, required, fired, constraints(order, new HashSet<>(applicable)));
	}

	/**
	 * The constraints among applicable items, closed transitively through items that do not apply (A before B before
	 * C with B not applicable gives A before C); the catalog's plan uses the same closure.
	 */
	public static List<Order> constraints(List<Order> order, Set<String> applicable) {
		Map<String, Set<String>> next = new HashMap<>();
		order.forEach(o -> next.computeIfAbsent(o.before(), k -> new LinkedHashSet<>()).add(o.after()));
		List<Order> result = new ArrayList<>();
		for (String from : next.keySet().stream().sorted().toList()) {
			if (!applicable.contains(from)) {
				continue;
			}
			Set<String> reached = new LinkedHashSet<>();
			reach(next, from, applicable, reached, new HashSet<>());
			reached.stream().sorted().forEach(to -> result.add(new Order(from, to)));
		}
		return result;
	}

	private static void reach(Map<String, Set<String>> next, String node, Set<String> applicable, Set<String> out,
			Set<String> seen) {
		for (String succ : next.getOrDefault(node, Set.of())) {
			if (!seen.add(succ)) {
				continue;
			}
			if (applicable.contains(succ)) {
				out.add(succ);
			}
			else {
				reach(next, succ, applicable, out, seen);
			}
		}
	}

	private Map<String, Question> questionsById() {
		Map<String, Question> byId = new LinkedHashMap<>();
		questions.forEach(q -> byId.put(q.id(), q));
		return byId;
	}

}
