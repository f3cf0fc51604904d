package org.yiwang.application.application;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.contracts.ThemePlan;
import org.yiwang.shared.web.InvalidRequestException;

/**
 * A submission under a theme (一件事) bound to the theme's published plan: the catalog owns the rules, so the items,
 * the order constraints and the required materials come from the plan for the applicant's answers, not from the
 * client. Every question must be answered; the items listed must be exactly the plan's items for those answers (in
 * any order); order constraints sent by the client must be ones the plan has, and the plan's are applied in any case.
 * A mismatch is a 400 naming the item ({@code itemCodes[i]}), the answer ({@code answers.<question>}) or the
 * constraint ({@code order[i]}).
 *
 * @param themeCode the theme
 * @param themeVersion the published version bound to
 * @param answers the typed answers (whole numbers as {@code Long})
 * @param order the plan's order constraints among the applicable items
 * @param requiredMaterials per item, the conditional materials the answers make required
 * @param firedRules the rules that fired, for the record
 */
record ThemeBinding(String themeCode, int themeVersion, Map<String, Object> answers,
		List<Application.OrderConstraint> order, Map<String, Set<String>> requiredMaterials, List<String> firedRules) {

	static ThemeBinding bind(String themeCode, int themeVersion, ThemePlan plan, List<String> itemCodes,
			List<Application.OrderConstraint> order, Map<String, Object> rawAnswers, String field) {
		List<ThemePlan.AnswerProblem> problems = plan.answerProblems(rawAnswers, true);
		if (!problems.isEmpty()) {
			ThemePlan.AnswerProblem first = problems.get(0);
			throw new InvalidRequestException("the answers do not fit theme " + themeCode + ": " + problems.stream()
				.map(p -> p.field() + " " + p.rule())
				.collect(Collectors.joining("; ")), first.field(), first.rule());
		}
		Map<String, Object> answers = plan.typedAnswers(rawAnswers);
		ThemePlan.Selection selection = plan.select(answers);
		Set<String> planned = new HashSet<>(selection.itemCodes());
		for (int i = 0; i < itemCodes.size(); i++) {
			String code = itemCodes.get(i);
			if (!planned.contains(code)) {
				throw new InvalidRequestException("item " + code + " is not part of theme " + themeCode
						+ " for these answers; the plan lists " + selection.itemCodes(), field + "[" + i + "]",
						"not part of theme " + themeCode + " for these answers");
			}
		}
		Set<String> listed = new HashSet<>(itemCodes);
		for (String code : selection.itemCodes()) {
			if (!listed.contains(code)) {
				throw new InvalidRequestException("item " + code + " is part of theme " + themeCode
						+ " for these answers but is not listed; the plan lists " + selection.itemCodes(), field,
						"must include " + code + " (part of theme " + themeCode + " for these answers)");
			}
		}
		List<Application.OrderConstraint> bound = selection.order()
			.stream()
			.map(o -> new Application.OrderConstraint(o.before(), o.after()))
			.toList();
		for (int i = 0; i < order.size(); i++) {
			if (!bound.contains(order.get(i))) {
				throw new InvalidRequestException("order constraint " + order.get(i).before() + " → "
						+ order.get(i).after() + " is not one of theme " + themeCode + "'s for these answers: " + bound,
						"order[" + i + "]", "not an order constraint of theme " + themeCode + " for these answers");
			}
		}
		return new ThemeBinding(themeCode, themeVersion, Map.copyOf(answers), bound, selection.requiredMaterials(),
				selection.firedRules());
	}

	/** The item's material requirements, with the conditional ones the answers trigger made required. */
	List<ItemPublished.RequiredMaterial> materialsOf(String itemCode, List<ItemPublished.RequiredMaterial> materials) {
		Set<String> triggered = requiredMaterials.getOrDefault(itemCode, Set.of());
		List<ItemPublished.RequiredMaterial> result = new ArrayList<>();
		for (ItemPublished.RequiredMaterial m : materials) {
			result.add(!m.required() && triggered.contains(m.code())
					? new ItemPublished.RequiredMaterial(m.code(), m.name(), m.source(), true, m.condition(),
							m.licenseType(), m.dataResource())
					: m);
		}
		return result;
	}

	/** What the application records of the theme. */
	Application.Theme theme() {
		return new Application.Theme(themeCode, themeVersion, answers, firedRules);
	}

}
