package org.yiwang.catalog.theme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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

	static Stream<Long> seeds() {
		return LongStream.range(0, 200).boxed();
	}

	/**
	 * One to four conditions, each on the seats (any operator, 0 to 60), the form or the sign (equal or not equal to
	 * one of its values), drawn from {@code random}.
	 */
	static List<Condition> conditions(Random random) {
		int size = 1 + random.nextInt(4);
		List<Condition> conditions = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			conditions.add(switch (random.nextInt(3)) {
				case 0 -> new Condition("seats", pick(random, Operator.values()), (long) random.nextInt(61));
				case 1 -> new Condition("form", pick(random, Operator.EQ, Operator.NE),
						pick(random, "企业", "个体工商户", "农民专业合作社"));
				default -> new Condition("sign", pick(random, Operator.EQ, Operator.NE), random.nextBoolean());
			});
		}
		return conditions;
	}

	@SafeVarargs
	static <T> T pick(Random random, T... values) {
		return values[random.nextInt(values.length)];
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

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void satisfiabilityAgreesWithBruteForce(long seed) {
		Random random = new Random(seed);
		List<Condition> a = conditions(random);
		List<Condition> b = conditions(random);
		assertThat(Satisfiability.satisfiable(a, b, QUESTIONS)).isEqualTo(bruteForce(a, b));
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void aThemeIsAcceptedExactlyWhenNoIncludeAndExcludeCanFireTogether(long seed) {
		Random random = new Random(seed);
		List<Condition> include = conditions(random);
		List<Condition> exclude = conditions(random);
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

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void exclusionWinsOverAlwaysAndRulesIncludeExactlyWhenTheyHold(long seed) {
		Random random = new Random(seed);
		List<Condition> include = conditions(random);
		int seats = random.nextInt(61);
		boolean sign = random.nextBoolean();
		String form = FORM.options().get(random.nextInt(FORM.options().size()));
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

	static ThemeDefinition theme(List<Condition> include, List<Condition> exclude) {
		List<Question> questions = List.of(Question.number("seats", "餐位数", 0, 60), FORM, SIGN);
		return new ThemeDefinition("测试", SubjectType.LEGAL_PERSON, LifeEvent.ESTABLISHMENT, null, null,
				List.of(new ThemeItem("ALWAYS", true), new ThemeItem("B", false)), questions,
				List.of(new Rule("in", include, ActionType.INCLUDE_ITEM, "B", null),
						new Rule("out", exclude, ActionType.EXCLUDE_ITEM, "B", null)),
				List.of());
	}

}
