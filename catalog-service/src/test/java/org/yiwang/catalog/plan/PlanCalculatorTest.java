package org.yiwang.catalog.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.theme.OrderConstraint;

import static org.assertj.core.api.Assertions.assertThat;

/** Order constraints among applicable items, stages and the critical path. */
class PlanCalculatorTest {

	@Test
	void constraintsAreClosedThroughItemsThatDoNotApply() {
		List<OrderConstraint> order = List.of(new OrderConstraint("A", "B"), new OrderConstraint("B", "C"),
				new OrderConstraint("A", "D"));
		assertThat(PlanCalculator.constraints(order, Set.of("A", "C", "D")))
			.containsExactly(new Plan.Constraint("A", "C"), new Plan.Constraint("A", "D"));
	}

	@Test
	void stagesAndCriticalPath() {
		List<String> codes = List.of("A", "B", "C", "D");
		List<Plan.Constraint> constraints = List.of(new Plan.Constraint("A", "B"), new Plan.Constraint("B", "C"),
				new Plan.Constraint("A", "D"));
		Map<String, Integer> days = Map.of("A", 1, "B", 10, "C", 2, "D", 20);
		assertThat(PlanCalculator.stages(codes, constraints)).isEqualTo(Map.of("A", 1, "B", 2, "C", 3, "D", 2));
		// A→D = 21 beats A→B→C = 13; sequential would be 33
		assertThat(PlanCalculator.criticalPath(codes, constraints, days::get)).isEqualTo(21);
		assertThat(PlanCalculator.criticalPath(codes, List.of(), days::get)).isEqualTo(20);
	}

}
