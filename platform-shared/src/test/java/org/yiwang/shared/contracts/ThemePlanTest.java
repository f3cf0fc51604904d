package org.yiwang.shared.contracts;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;
import org.yiwang.shared.events.InvalidEventException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The meaning of a theme's rules as {@code catalog.ThemePublished} carries them, and the contract's compatibility. */
class ThemePlanTest {

	static final ThemePlan PLAN = new ThemePlan(
			List.of(new ThemePlan.Item("REG", false), new ThemePlan.Item("FOOD", true), new ThemePlan.Item("FIRE", false),
					new ThemePlan.Item("TAX", true)),
			List.of(new ThemePlan.Question("form", "主体形式", "SINGLE_CHOICE", List.of("企业", "个体"), null, null),
					new ThemePlan.Question("seats", "餐位数", "NUMBER", null, 0L, 5000L),
					new ThemePlan.Question("alcohol", "酒类", "BOOLEAN", null, null, null)),
			List.of(new ThemePlan.Rule("r-reg", List.of(new ThemePlan.Condition("form", "EQ", "企业")), "INCLUDE_ITEM",
					"REG", null),
					new ThemePlan.Rule("r-fire", List.of(new ThemePlan.Condition("seats", "GT", 50)), "INCLUDE_ITEM",
							"FIRE", null),
					new ThemePlan.Rule("r-alcohol", List.of(new ThemePlan.Condition("alcohol", "EQ", true)),
							"REQUIRE_MATERIAL", "FOOD", "ALCOHOL_COMMITMENT")),
			List.of(new ThemePlan.Order("REG", "FIRE"), new ThemePlan.Order("FIRE", "FOOD"),
					new ThemePlan.Order("REG", "TAX")));

	@Test
	void answersSelectItemsMaterialsAndTheOrderClosedThroughItemsThatDoNotApply() {
		ThemePlan.Selection small = PLAN.select(PLAN.typedAnswers(Map.of("form", "企业", "seats", 20, "alcohol", true)));
		assertThat(small.itemCodes()).containsExactly("REG", "FOOD", "TAX");
		assertThat(small.order()).containsExactly(new ThemePlan.Order("REG", "FOOD"), new ThemePlan.Order("REG", "TAX"));
		assertThat(small.requires("FOOD", "ALCOHOL_COMMITMENT")).isTrue();
		assertThat(small.firedRules()).containsExactly("r-reg", "r-alcohol");

		ThemePlan.Selection big = PLAN.select(PLAN.typedAnswers(Map.of("form", "个体", "seats", 51, "alcohol", false)));
		assertThat(big.itemCodes()).containsExactly("FOOD", "FIRE", "TAX");
		assertThat(big.order()).containsExactly(new ThemePlan.Order("FIRE", "FOOD"));
		assertThat(big.requires("FOOD", "ALCOHOL_COMMITMENT")).isFalse();
	}

	@Test
	void answerProblemsNameTheAnswer() {
		Map<String, Object> answers = new HashMap<>(Map.of("form", "合伙", "seats", 1.5, "colour", "red"));
		assertThat(PLAN.answerProblems(answers, true)).containsExactly(
				new ThemePlan.AnswerProblem("answers.colour", "is not a question of this theme"),
				new ThemePlan.AnswerProblem("answers.form", "must be one of [企业, 个体]"),
				new ThemePlan.AnswerProblem("answers.seats", "must be a whole number between 0 and 5000"),
				new ThemePlan.AnswerProblem("answers.alcohol", "must be answered (must be true or false)"));
		assertThat(PLAN.answerProblems(Map.of("seats", 5001), false))
			.containsExactly(new ThemePlan.AnswerProblem("answers.seats", "must be a whole number between 0 and 5000"));
		assertThat(PLAN.answerProblems(Map.of("form", "企业", "seats", 0, "alcohol", false), true)).isEmpty();
	}

	@Test
	void thePlanTravelsInThemePublishedAndOlderEventsWithoutItStillRead() {
		ThemePublished event = new ThemePublished("open-restaurant", 2, "开餐馆", PLAN.itemCodes(), List.of("SCJG"),
				Instant.parse("2026-12-01T08:00:00Z"), PLAN);
		EventEnvelope envelope = EventCodec.read(EventCodec.write(new EventEnvelope("e-1", ThemePublished.TYPE,
				ThemePublished.VERSION, Instant.now(), "open-restaurant", null, null, "test", EventCodec.toMap(event))));
		ThemePublished read = EventCodec.payload(envelope, ThemePublished.class);
		assertThat(read.plan().select(read.plan().typedAnswers(Map.of("form", "企业", "seats", 80, "alcohol", false))))
			.isEqualTo(PLAN.select(PLAN.typedAnswers(Map.of("form", "企业", "seats", 80, "alcohol", false))));

		Map<String, Object> older = new HashMap<>(EventCodec.toMap(event));
		older.remove("plan");
		ThemePublished old = EventCodec.payload(new EventEnvelope("e-2", ThemePublished.TYPE, 1, Instant.now(),
				"open-restaurant", null, null, "test", older), ThemePublished.class);
		assertThat(old.plan()).isNull();
		assertThat(old.itemCodes()).containsExactly("REG", "FOOD", "FIRE", "TAX");
	}

	@Test
	void aPlanWithAnUnknownOperatorIsAnInvalidEvent() {
		assertThatThrownBy(() -> new ThemePlan(List.of(new ThemePlan.Item("A", false)),
				List.of(new ThemePlan.Question("q", "?", "BOOLEAN", null, null, null)),
				List.of(new ThemePlan.Rule("r", List.of(new ThemePlan.Condition("q", "LIKE", true)), "INCLUDE_ITEM", "A",
						null)),
				List.of()))
			.isInstanceOf(InvalidEventException.class)
			.hasMessageContaining("payload.plan.rules[0].when[0].op");
	}

}
