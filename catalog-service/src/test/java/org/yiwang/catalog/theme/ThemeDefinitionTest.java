package org.yiwang.catalog.theme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.item.LifeEvent;
import org.yiwang.catalog.item.SubjectType;
import org.yiwang.shared.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Theme rules: validation on save (naming the offending rule) and evaluation for answers. */
class ThemeDefinitionTest {

	static final List<ThemeItem> ITEMS = List.of(new ThemeItem("A", true), new ThemeItem("B", false),
			new ThemeItem("C", false), new ThemeItem("D", true));

	static final List<Question> QUESTIONS = List.of(Question.number("seats", "餐位数", 0, 5000),
			Question.yesNo("sign", "户外招牌？"), Question.choice("form", "主体形式", "企业", "个体工商户"));

	static ThemeDefinition theme(List<Rule> rules, List<OrderConstraint> order) {
		return new ThemeDefinition("开餐馆", SubjectType.LEGAL_PERSON, LifeEvent.ESTABLISHMENT, null, null, ITEMS,
				QUESTIONS, rules, order);
	}

	static Rule rule(String id, ActionType action, String item, Condition... when) {
		return new Rule(id, List.of(when), action, item, null);
	}

	static InvalidRequestException rejected(List<Rule> rules, List<OrderConstraint> order) {
		return catchThrowableOfType(InvalidRequestException.class, () -> theme(rules, order));
	}

	@Test
	void unknownQuestionIsNamed() {
		InvalidRequestException ex = rejected(List.of(rule("r1", ActionType.INCLUDE_ITEM, "B",
				new Condition("seats", Operator.GT, 50)), rule("r2", ActionType.INCLUDE_ITEM, "C",
						new Condition("alcohol", Operator.EQ, true))), List.of());
		assertThat(ex.field()).isEqualTo("rules[1].when[0].question");
		assertThat(ex.getMessage()).contains("r2").contains("alcohol");
	}

	@Test
	void valuesMustFitTheQuestion() {
		assertThat(rejected(List.of(rule("r1", ActionType.INCLUDE_ITEM, "B", new Condition("sign", Operator.GT, 1))),
				List.of()).field()).isEqualTo("rules[0].when[0].op");
		assertThat(rejected(List.of(rule("r1", ActionType.INCLUDE_ITEM, "B", new Condition("form", Operator.EQ, "合伙"))),
				List.of()).field()).isEqualTo("rules[0].when[0].value");
		assertThat(rejected(List.of(rule("r1", ActionType.INCLUDE_ITEM, "X", new Condition("sign", Operator.EQ, true))),
				List.of()).field()).isEqualTo("rules[0].itemCode");
	}

	@Test
	void contradictoryRulesAreRejected() {
		InvalidRequestException ex = rejected(List.of(
				rule("fire-big", ActionType.INCLUDE_ITEM, "B", new Condition("seats", Operator.GT, 50)),
				rule("fire-none", ActionType.EXCLUDE_ITEM, "B", new Condition("seats", Operator.GE, 100))), List.of());
		assertThat(ex.field()).isEqualTo("rules[1]");
		assertThat(ex.getMessage()).contains("fire-none").contains("fire-big");
		// disjoint conditions are not a contradiction
		theme(List.of(rule("fire-big", ActionType.INCLUDE_ITEM, "B", new Condition("seats", Operator.GT, 50)),
				rule("fire-small", ActionType.EXCLUDE_ITEM, "B", new Condition("seats", Operator.LE, 50))), List.of());
		// a rule that can never fire
		assertThat(rejected(List.of(rule("never", ActionType.INCLUDE_ITEM, "B", new Condition("seats", Operator.GT, 50),
				new Condition("seats", Operator.LT, 40))), List.of()).field()).isEqualTo("rules[0].when");
	}

	@Test
	void cyclicOrderConstraintsAreRejected() {
		InvalidRequestException ex = rejected(List.of(), List.of(new OrderConstraint("A", "B"),
				new OrderConstraint("B", "C"), new OrderConstraint("C", "A")));
		assertThat(ex.field()).isEqualTo("order[2]");
		assertThat(ex.getMessage()).contains("C → A → B → C");
	}

	@Test
	void rulesDecideItemsAndMaterials() {
		List<Rule> rules = new ArrayList<>();
		rules.add(rule("fire", ActionType.INCLUDE_ITEM, "B", new Condition("seats", Operator.GT, 50)));
		rules.add(rule("sign", ActionType.INCLUDE_ITEM, "C", new Condition("sign", Operator.EQ, true)));
		rules.add(rule("no-d", ActionType.EXCLUDE_ITEM, "D", new Condition("form", Operator.EQ, "个体工商户")));
		rules.add(new Rule("lease", List.of(new Condition("form", Operator.EQ, "企业")), ActionType.REQUIRE_MATERIAL, "A",
				"LEASE"));
		ThemeDefinition theme = theme(rules, List.of());

		var small = theme.select(theme.typedAnswers(Map.of("seats", 20, "sign", false, "form", "个体工商户")));
		assertThat(small.itemCodes()).containsExactly("A");
		var big = theme.select(theme.typedAnswers(Map.of("seats", 51, "sign", true, "form", "企业")));
		assertThat(big.itemCodes()).containsExactly("A", "B", "C", "D");
		assertThat(big.requiredMaterials()).containsEntry("A", java.util.Set.of("LEASE"));
		assertThat(theme.select(theme.typedAnswers(Map.of())).itemCodes()).containsExactly("A", "D");
	}

	@Test
	void answersAreTyped() {
		ThemeDefinition theme = theme(List.of(), List.of());
		assertThat(catchThrowableOfType(InvalidRequestException.class,
				() -> theme.typedAnswers(Map.of("seats", "many"))).field()).isEqualTo("answers.seats");
		assertThat(catchThrowableOfType(InvalidRequestException.class,
				() -> theme.typedAnswers(Map.of("seats", 6000))).field()).isEqualTo("answers.seats");
		assertThat(catchThrowableOfType(InvalidRequestException.class,
				() -> theme.typedAnswers(Map.of("colour", "red"))).field()).isEqualTo("answers.colour");
	}

}
