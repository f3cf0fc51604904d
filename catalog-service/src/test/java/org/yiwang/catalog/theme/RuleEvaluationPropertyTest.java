package org.yiwang.catalog.theme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.yiwang.catalog.item.LifeEvent;
import org.yiwang.catalog.item.SubjectType;
import org.yiwang.shared.web.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of rule evaluation and of the contradiction check: the exact satisfiability decision agrees with a
 * brute-force search over the answers, and evaluation respects "exclusion wins, always-items stay unless excluded".
 */
class RuleEvaluationPropertyTest {

	static final Question SEATS = Question.number("seats", "餐位数", 0, 60);

	static final Question FORM = Question.choice("form", "主体形式", "企业", "个体工商户", "农民专业合作社");

	static final Question SIGN = Question.yesNo("sign", "户外招牌？");

	static final Map<String, Question> QUESTIONS = Map.of("seats", SEATS, "form", FORM, "sign", SIGN);

	@Provide
	Arbitrary<List<Condition>> conditions() {
		Arbitrary<Condition> seats = Combinators
			.combine(Arbitraries.of(Operator.values()), Arbitraries.longs().between(0, 60))
			.as((op, v) -> new Condition("seats", op, v));
		Arbitrary<Condition> form = Combinators
			.combine(Arbitraries.of(Operator.EQ, Operator.NE), Arbitraries.of("企业", "个体工商户", "农民专业合作社"))
			.as((op, v) -> new Condition("form", op, v));
		Arbitrary<Condition> sign = Combinators
			.combine(Arbitraries.of(Operator.EQ, Operator.NE), Arbitraries.of(true, false))
			.as((op, v) -> new Condition("sign", op, v));
		return Arbitraries.oneOf(seats, form, sign).list().ofMinSize(1).ofMaxSize(4);
	}

	static boolean bruteForce(List<Condition> a, List<Condition> b) {
		for (long seats = 0; seats <= 60; seats++) {
			for (String form : FORM.options()) {
				for (boolean sign : new boolean[] { true, false }) {
					Map<String, Object> answers = Map.of("seats", seats, "form", form, "sign", sign);
					if (holds(a, answers) && holds(b, answers)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	static boolean holds(List<Condition> conditions, Map<String, Object> answers) {
		return conditions.stream()
			.allMatch(c -> c.holds(QUESTIONS.get(c.question()), answers.get(c.question())));
	}

	@Property
	void satisfiabilityAgreesWithBruteForce(@ForAll("conditions") List<Condition> a,
			@ForAll("conditions") List<Condition> b) {
		assertThat(Satisfiability.satisfiable(a, b, QUESTIONS)).isEqualTo(bruteForce(a, b));
	}

	@Property
	void aThemeIsAcceptedExactlyWhenNoIncludeAndExcludeCanFireTogether(@ForAll("conditions") List<Condition> include,
			@ForAll("conditions") List<Condition> exclude) {
		boolean includeCanFire = bruteForce(include, List.of());
		boolean excludeCanFire = bruteForce(exclude, List.of());
		boolean clash = bruteForce(include, exclude);
		boolean accepted;
		try {
			theme(include, exclude);
			accepted = true;
		}
		catch (InvalidRequestException ex) {
			accepted = false;
		}
		assertThat(accepted).isEqualTo(includeCanFire && excludeCanFire && !clash);
	}

	@Property
	void exclusionWinsOverAlwaysAndRulesIncludeExactlyWhenTheyHold(@ForAll("conditions") List<Condition> include,
			@ForAll @IntRange(min = 0, max = 60) int seats, @ForAll boolean sign, @ForAll("forms") String form) {
		if (!bruteForce(include, List.of())) {
			return;
		}
		List<Question> questions = List.of(Question.number("seats", "餐位数", 0, 60), FORM, SIGN);
		ThemeDefinition theme = new ThemeDefinition("测试", SubjectType.LEGAL_PERSON, LifeEvent.ESTABLISHMENT, null,
				null, List.of(new ThemeItem("ALWAYS", true), new ThemeItem("B", false)), questions,
				List.of(new Rule("in", include, ActionType.INCLUDE_ITEM, "B", null),
						new Rule("out", List.of(new Condition("sign", Operator.EQ, true)), ActionType.EXCLUDE_ITEM,
								"ALWAYS", null)),
				List.of());
		Map<String, Object> typed = theme.typedAnswers(new HashMap<>(Map.of("seats", seats, "sign", sign, "form", form)));
		ThemeDefinition.Selection selection = theme.select(typed);
		assertThat(selection.itemCodes().contains("ALWAYS")).isEqualTo(!sign);
		assertThat(selection.itemCodes().contains("B")).isEqualTo(holds(include, typed));
		assertThat(theme.itemCodes()).containsAll(selection.itemCodes());
	}

	@Provide
	Arbitrary<String> forms() {
		return Arbitraries.of(FORM.options());
	}

	static ThemeDefinition theme(List<Condition> include, List<Condition> exclude) {
		List<Question> questions = List.of(Question.number("seats", "餐位数", 0, 60), FORM, SIGN);
		return new ThemeDefinition("测试", SubjectType.LEGAL_PERSON, LifeEvent.ESTABLISHMENT, null, null,
				List.of(new ThemeItem("ALWAYS", true), new ThemeItem("B", false)), questions,
				List.of(new Rule("in", include, ActionType.INCLUDE_ITEM, "B", null),
						new Rule("out", exclude, ActionType.EXCLUDE_ITEM, "B", null)),
				List.of());
	}

}
