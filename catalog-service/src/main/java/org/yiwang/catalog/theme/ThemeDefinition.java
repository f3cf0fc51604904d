package org.yiwang.catalog.theme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.yiwang.catalog.item.CatalogItem;
import org.yiwang.catalog.item.ItemLevel;
import org.yiwang.catalog.item.ItemStatus;
import org.yiwang.catalog.item.LifeEvent;
import org.yiwang.catalog.item.Material;
import org.yiwang.catalog.item.SubjectType;
import org.yiwang.shared.contracts.ThemePlan;
import org.yiwang.shared.web.InvalidRequestException;

/**
 * What a theme (一件事) says: the items it bundles across departments, the situation questionnaire, the rules
 * that turn answers into the set of applicable items and required materials, and the order constraints between
 * items. The constructor checks the theme on its own (unknown questions, values that do not fit a question,
 * contradictory rules, cyclic order constraints); {@link #validateAgainst} checks it against the catalog (unknown,
 * retired or non-handling items, unknown materials). Every error names the offending rule or field.
 */
public record ThemeDefinition(String name, SubjectType audience, LifeEvent lifeEvent, String description,
		List<String> aliases, List<ThemeItem> items, List<Question> questions, List<Rule> rules,
		List<OrderConstraint> order) {

	public ThemeDefinition {
		aliases = aliases == null ? List.of() : List.copyOf(aliases);
		items = items == null ? List.of() : List.copyOf(items);
		questions = questions == null ? List.of() : List.copyOf(questions);
		rules = rules == null ? List.of() : List.copyOf(rules);
		order = order == null ? List.of() : List.copyOf(order);
		new Check(name, audience, lifeEvent, description, aliases, items, questions, rules, order).run();
	}

	private static InvalidRequestException invalid(String field, String rule) {
		return new InvalidRequestException(field + " " + rule, field, rule);
	}

	public List<String> itemCodes() {
		return items.stream().map(ThemeItem::itemCode).toList();
	}

	/** The theme's rules as {@code catalog.ThemePublished} carries them, for services that bind submissions to them. */
	public ThemePlan contractPlan() {
		return new ThemePlan(items.stream().map(i -> new ThemePlan.Item(i.itemCode(), i.always())).toList(),
				questions.stream()
					.map(q -> new ThemePlan.Question(q.id(), q.text(), q.type().name(), q.options(), q.min(), q.max()))
					.toList(),
				rules.stream()
					.map(r -> new ThemePlan.Rule(r.id(),
							r.when()
								.stream()
								.map(c -> new ThemePlan.Condition(c.question(), c.op().name(), c.value()))
								.toList(),
							r.action().name(), r.itemCode(), r.materialCode()))
					.toList(),
				order.stream().map(o -> new ThemePlan.Order(o.before(), o.after())).toList());
	}

	/** Checks the theme against the catalog's current versions (published, handling items, known materials). */
	public void validateAgainst(Function<String, Optional<CatalogItem>> catalog) {
		Map<String, CatalogItem> found = new HashMap<>();
		for (int i = 0; i < items.size(); i++) {
			String code = items.get(i).itemCode();
			String field = "items[" + i + "].itemCode";
			CatalogItem item = catalog.apply(code)
				.orElseThrow(() -> invalid(field, "item " + code + " is unknown or not published"));
			if (item.getStatus() == ItemStatus.RETIRED) {
				throw invalid(field, "item " + code + " is retired");
			}
			if (item.getStatus() != ItemStatus.PUBLISHED) {
				throw invalid(field, "item " + code + " is not published");
			}
			if (item.getLevel() != ItemLevel.HANDLING) {
				throw invalid(field, "item " + code + " is a " + item.getLevel() + "; themes bundle handling items");
			}
			found.put(code, item);
		}
		for (int i = 0; i < rules.size(); i++) {
			Rule rule = rules.get(i);
			if (rule.action() == ActionType.REQUIRE_MATERIAL) {
				List<Material> materials = found.get(rule.itemCode()).definition().materials();
				if (materials.stream().noneMatch(m -> m.code().equals(rule.materialCode()))) {
					throw invalid("rules[" + i + "].materialCode", "rule " + rule.id() + ": item " + rule.itemCode()
							+ " has no material " + rule.materialCode());
				}
			}
		}
	}

	/** The typed answers; 400 naming {@code answers.<question>} for an unknown question or a misfit value. */
	public Map<String, Object> typedAnswers(Map<String, Object> raw) {
		Map<String, Question> byId = questionsById();
		Map<String, Object> typed = new HashMap<>();
		if (raw == null) {
			return typed;
		}
		raw.forEach((id, value) -> {
			Question q = byId.get(id);
			if (q == null) {
				throw invalid("answers." + id, "is not a question of this theme");
			}
			if (value == null) {
				return;
			}
			Object coerced = q.coerce(value);
			if (coerced == null) {
				throw invalid("answers." + id, q.expectation());
			}
			typed.put(id, coerced);
		});
		return typed;
	}

	/**
	 * Which items apply and which materials rules made required, for typed answers. Unanswered → no rule fires. The
	 * rules mean what the published contract says they mean ({@link ThemePlan#select}): application-service binds
	 * submissions with that same evaluation, so the catalog's preview and the binding cannot drift apart.
	 */
	public Selection select(Map<String, Object> typedAnswers) {
		ThemePlan.Selection selection = contractPlan().select(typedAnswers);
		return new Selection(selection.itemCodes(), selection.requiredMaterials(), selection.firedRules());
	}

	/** The outcome of the rules for one answer set. */
	public record Selection(List<String> itemCodes, Map<String, Set<String>> requiredMaterials,
			List<String> firedRules) {

		public boolean requires(String itemCode, Material material) {
			return material.required()
					|| requiredMaterials.getOrDefault(itemCode, Set.of()).contains(material.code());
		}

	}

	private Map<String, Question> questionsById() {
		Map<String, Question> byId = new LinkedHashMap<>();
		questions.forEach(q -> byId.put(q.id(), q));
		return byId;
	}

	/** Structural validation of a theme definition, independent of the catalog. */
	private record Check(String name, SubjectType audience, LifeEvent lifeEvent, String description,
			List<String> aliases, List<ThemeItem> items, List<Question> questions, List<Rule> rules,
			List<OrderConstraint> order) {

		void run() {
			if (name == null || name.isBlank() || name.length() > 100) {
				throw invalid("name", "must be 1-100 characters");
			}
			if (audience == null) {
				throw invalid("audience", "must be NATURAL_PERSON or LEGAL_PERSON");
			}
			if (lifeEvent == null) {
				throw invalid("lifeEvent", "must name the life event or lifecycle stage");
			}
			if (lifeEvent.audience() != audience) {
				throw invalid("lifeEvent", lifeEvent + " is a " + lifeEvent.audience() + " life event");
			}
			if (description != null && description.length() > 1000) {
				throw invalid("description", "must be at most 1000 characters");
			}
			if (items.isEmpty() || items.size() > 50) {
				throw invalid("items", "must list 1-50 items");
			}
			Set<String> itemCodes = new HashSet<>();
			for (int i = 0; i < items.size(); i++) {
				if (items.get(i).itemCode() == null || !itemCodes.add(items.get(i).itemCode())) {
					throw invalid("items[" + i + "].itemCode", "must be present and listed once");
				}
			}
			Map<String, Question> byId = new HashMap<>();
			for (int i = 0; i < questions.size(); i++) {
				Question q = questions.get(i);
				String field = "questions[" + i + "]";
				if (q.id() == null || !q.id().matches("^[a-zA-Z][a-zA-Z0-9]{0,39}$") || byId.containsKey(q.id())) {
					throw invalid(field + ".id", "must be a unique camelCase identifier");
				}
				if (q.text() == null || q.text().isBlank()) {
					throw invalid(field + ".text", "must not be blank");
				}
				if (q.type() == null) {
					throw invalid(field + ".type", "must be BOOLEAN, NUMBER or SINGLE_CHOICE");
				}
				if (q.type() == QuestionType.SINGLE_CHOICE
						&& (q.options().size() < 2 || new HashSet<>(q.options()).size() != q.options().size())) {
					throw invalid(field + ".options", "a single choice needs at least 2 distinct options");
				}
				if (q.type() == QuestionType.NUMBER && q.min() > q.max()) {
					throw invalid(field + ".min", "must be <= max");
				}
				byId.put(q.id(), q);
			}
			Set<String> ruleIds = new HashSet<>();
			for (int i = 0; i < rules.size(); i++) {
				checkRule(i, rules.get(i), byId, itemCodes, ruleIds);
			}
			checkContradictions(byId);
			checkOrder(itemCodes);
		}

		private void checkRule(int i, Rule rule, Map<String, Question> byId, Set<String> itemCodes,
				Set<String> ruleIds) {
			String field = "rules[" + i + "]";
			if (rule.id() == null || rule.id().isBlank() || !ruleIds.add(rule.id())) {
				throw invalid(field + ".id", "must be present and unique");
			}
			String named = "rule " + rule.id() + ": ";
			if (rule.when().isEmpty()) {
				throw invalid(field + ".when", named + "needs at least one condition");
			}
			for (int c = 0; c < rule.when().size(); c++) {
				Condition condition = rule.when().get(c);
				String cf = field + ".when[" + c + "]";
				Question q = byId.get(condition.question());
				if (q == null) {
					throw invalid(cf + ".question", named + "unknown question " + condition.question());
				}
				if (condition.op() == null) {
					throw invalid(cf + ".op", named + "must be one of EQ, NE, GT, GE, LT, LE");
				}
				if (condition.op().ordering() && q.type() != QuestionType.NUMBER) {
					throw invalid(cf + ".op", named + condition.op() + " needs a NUMBER question; "
							+ condition.question() + " is " + q.type());
				}
				if (q.coerce(condition.value()) == null) {
					throw invalid(cf + ".value", named + "value for " + condition.question() + " " + q.expectation());
				}
			}
			if (rule.action() == null) {
				throw invalid(field + ".action", named + "must be INCLUDE_ITEM, EXCLUDE_ITEM or REQUIRE_MATERIAL");
			}
			if (!itemCodes.contains(rule.itemCode())) {
				throw invalid(field + ".itemCode", named + "item " + rule.itemCode() + " is not one of the theme's items");
			}
			if (rule.action() == ActionType.REQUIRE_MATERIAL
					&& (rule.materialCode() == null || rule.materialCode().isBlank())) {
				throw invalid(field + ".materialCode", named + "REQUIRE_MATERIAL names the material");
			}
			if (!Satisfiability.satisfiable(rule.when(), List.of(), byId)) {
				throw invalid(field + ".when", named + "its conditions contradict each other, it can never apply");
			}
		}

		/** An item both included and excluded by rules that can fire together is a contradiction. */
		private void checkContradictions(Map<String, Question> byId) {
			for (int i = 0; i < rules.size(); i++) {
				for (int j = 0; j < rules.size(); j++) {
					Rule include = rules.get(i);
					Rule exclude = rules.get(j);
					if (include.action() == ActionType.INCLUDE_ITEM && exclude.action() == ActionType.EXCLUDE_ITEM
							&& include.itemCode().equals(exclude.itemCode())
							&& Satisfiability.satisfiable(include.when(), exclude.when(), byId)) {
						throw invalid("rules[" + Math.max(i, j) + "]", "rule " + exclude.id() + " contradicts rule "
								+ include.id() + ": for some answers both apply, including and excluding "
								+ include.itemCode());
					}
				}
			}
		}

		private void checkOrder(Set<String> itemCodes) {
			Map<String, Set<String>> next = new HashMap<>();
			for (int i = 0; i < order.size(); i++) {
				OrderConstraint constraint = order.get(i);
				String field = "order[" + i + "]";
				if (!itemCodes.contains(constraint.before())) {
					throw invalid(field + ".before", "item " + constraint.before() + " is not one of the theme's items");
				}
				if (!itemCodes.contains(constraint.after())) {
					throw invalid(field + ".after", "item " + constraint.after() + " is not one of the theme's items");
				}
				next.computeIfAbsent(constraint.before(), k -> new TreeSet<>()).add(constraint.after());
				List<String> cycle = findCycle(next, constraint.before(), constraint.after());
				if (cycle != null) {
					throw invalid(field, "order constraints form a cycle: " + String.join(" → ", cycle));
				}
			}
		}

		/** A path after → … → before closes a cycle with the new edge before → after. */
		private static List<String> findCycle(Map<String, Set<String>> next, String before, String after) {
			List<String> path = new ArrayList<>();
			if (dfs(next, after, before, new HashSet<>(), path)) {
				List<String> cycle = new ArrayList<>();
				cycle.add(before);
				cycle.addAll(path);
				return cycle;
			}
			return null;
		}

		private static boolean dfs(Map<String, Set<String>> next, String node, String target, Set<String> seen,
				List<String> path) {
			path.add(node);
			if (node.equals(target)) {
				return true;
			}
			if (seen.add(node)) {
				for (String succ : next.getOrDefault(node, Set.of())) {
					if (dfs(next, succ, target, seen, path)) {
						return true;
					}
				}
			}
			path.remove(path.size() - 1);
			return false;
		}

	}

}
