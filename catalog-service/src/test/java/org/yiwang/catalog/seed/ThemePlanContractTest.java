package org.yiwang.catalog.seed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.plan.PlanCalculator;
import org.yiwang.catalog.theme.Condition;
import org.yiwang.catalog.theme.Question;
import org.yiwang.catalog.theme.QuestionType;
import org.yiwang.catalog.theme.Rule;
import org.yiwang.catalog.theme.ThemeDefinition;
import org.yiwang.shared.contracts.ThemePlan;
import org.yiwang.shared.contracts.ThemePublished;
import org.yiwang.shared.events.EventCodec;
import org.yiwang.shared.events.EventEnvelope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog owns the theme rules; application-service binds submissions to them through the plan carried in
 * {@code catalog.ThemePublished}. For every demo theme and every answer set that can make a difference (each
 * choice, both booleans, each number at the bounds and around each rule's value), the plan as it arrives over the
 * wire selects exactly the items, required materials, fired rules and order constraints the catalog's own plan does.
 */
class ThemePlanContractTest {

	@Test
	void theContractPlanSelectsWhatTheCatalogsPlanSelectsForEveryDemoThemeAndAnswerSet() {
		int compared = 0;
		for (Map.Entry<String, ThemeDefinition> entry : DemoThemes.THEMES.entrySet()) {
			ThemeDefinition theme = entry.getValue();
			ThemePlan plan = overTheWire(entry.getKey(), theme);
			for (Map<String, Object> answers : answerSets(theme)) {
				ThemeDefinition.Selection expected = theme.select(theme.typedAnswers(answers));
				ThemePlan.Selection actual = plan.select(plan.typedAnswers(answers));
				assertThat(actual.itemCodes()).as("%s %s", entry.getKey(), answers).isEqualTo(expected.itemCodes());
				assertThat(actual.firedRules()).as("%s %s", entry.getKey(), answers).isEqualTo(expected.firedRules());
				assertThat(actual.requiredMaterials()).as("%s %s", entry.getKey(), answers)
					.isEqualTo(expected.requiredMaterials());
				assertThat(actual.order().stream().map(o -> o.before() + ">" + o.after()).toList())
					.as("%s %s", entry.getKey(), answers)
					.isEqualTo(PlanCalculator.constraints(theme.order(), new HashSet<>(expected.itemCodes()))
						.stream()
						.map(c -> c.before() + ">" + c.after())
						.toList());
				assertThat(plan.answerProblems(answers, true)).isEmpty();
				compared++;
			}
		}
		assertThat(compared).isGreaterThan(50);
	}

	@Test
	void theRestaurantPlanCarriesItsQuestionsRulesAndOrder() {
		ThemePlan plan = overTheWire("open-restaurant", DemoThemes.THEMES.get("open-restaurant"));
		assertThat(plan.questions()).extracting(ThemePlan.Question::id)
			.containsExactly("subjectForm", "seats", "outdoorSign", "sellsAlcohol");
		assertThat(plan.rules()).extracting(ThemePlan.Rule::id).contains("r-fire", "r-alcohol");
		assertThat(plan.order()).hasSize(9);
	}

	static ThemePlan overTheWire(String code, ThemeDefinition theme) {
		ThemePublished event = new ThemePublished(code, 1, theme.name(), theme.itemCodes(), List.of("X"), Instant.now(),
				theme.contractPlan());
		EventEnvelope envelope = EventCodec.read(EventCodec.write(new EventEnvelope("e", ThemePublished.TYPE, 1,
				Instant.now(), code, null, null, "test", EventCodec.toMap(event))));
		return EventCodec.payload(envelope, ThemePublished.class).plan();
	}

	/** The cartesian product of the values that matter per question (as JSON would bring them: ints, not longs). */
	static List<Map<String, Object>> answerSets(ThemeDefinition theme) {
		List<Map<String, Object>> sets = new ArrayList<>();
		sets.add(new HashMap<>());
		for (Question q : theme.questions()) {
			List<Object> values = new ArrayList<>();
			switch (q.type()) {
				case BOOLEAN -> values.addAll(List.of(true, false));
				case SINGLE_CHOICE -> values.addAll(q.options());
				case NUMBER -> {
					Set<Long> points = new TreeSet<>(List.of(q.min(), q.max()));
					for (Rule r : theme.rules()) {
						for (Condition c : r.when()) {
							if (c.question().equals(q.id())) {
								long v = ((Number) c.value()).longValue();
								for (long p = v - 1; p <= v + 1; p++) {
									if (p >= q.min() && p <= q.max()) {
										points.add(p);
									}
								}
							}
						}
					}
					points.forEach(p -> values.add(p.intValue()));
				}
			}
			assertThat(q.type()).isIn((Object[]) QuestionType.values());
			List<Map<String, Object>> next = new ArrayList<>();
			for (Map<String, Object> set : sets) {
				for (Object value : values) {
					Map<String, Object> extended = new HashMap<>(set);
					extended.put(q.id(), value);
					next.add(extended);
				}
			}
			sets = next;
		}
		return sets;
	}

}
