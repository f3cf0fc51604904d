package org.yiwang.catalog.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.yiwang.catalog.item.CatalogItem;
import org.yiwang.catalog.item.LifeEvent;
import org.yiwang.catalog.item.SubjectType;
import org.yiwang.catalog.plan.Plan;
import org.yiwang.catalog.plan.PlanCalculator;
import org.yiwang.catalog.search.CatalogIndex;
import org.yiwang.catalog.theme.OrderConstraint;
import org.yiwang.catalog.theme.Question;
import org.yiwang.catalog.theme.Rule;
import org.yiwang.catalog.theme.Theme;
import org.yiwang.catalog.theme.ThemeCode;
import org.yiwang.catalog.theme.ThemeDefinition;
import org.yiwang.catalog.theme.ThemeManagement;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.InvalidRequestException;
import org.yiwang.shared.web.NotFoundException;
import org.yiwang.shared.web.PageView;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Themes (一件事): public browsing and personalised plans; saving and publishing by platform admins.
 */
@RestController
@Validated
@RequestMapping("/api/v1/catalog/themes")
class ThemeController {

	private final CatalogIndex index;

	private final ThemeManagement management;

	ThemeController(CatalogIndex index, ThemeManagement management) {
		this.index = index;
		this.management = management;
	}

	@GetMapping
	PageView<ThemeView> published(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(required = false) SubjectType audience, @RequestParam(required = false) LifeEvent lifeEvent) {
		CatalogIndex.Snapshot snapshot = index.snapshot();
		List<ThemeView> all = snapshot.themes()
			.values()
			.stream()
			.filter(t -> audience == null || t.getPublished().audience() == audience)
			.filter(t -> lifeEvent == null || t.getPublished().lifeEvent() == lifeEvent)
			.sorted(Comparator.comparing(Theme::getCode))
			.map(t -> ThemeView.of(t.getCode(), t.getPublishedVersion(), t.getPublished(), t.getPublishedAt(),
					snapshot.items()))
			.toList();
		return Pages.of(all, page, size);
	}

	@GetMapping("/{themeCode}")
	ThemeView theme(@PathVariable String themeCode) {
		CatalogIndex.Snapshot snapshot = index.snapshot();
		Theme theme = publishedTheme(snapshot, themeCode);
		return ThemeView.of(theme.getCode(), theme.getPublishedVersion(), theme.getPublished(), theme.getPublishedAt(),
				snapshot.items());
	}

	/** The personalised plan for an answer set: public, nothing is stored. */
	@PostMapping("/{themeCode}/plan")
	Plan plan(@PathVariable String themeCode, @RequestBody(required = false) PlanRequest request) {
		CatalogIndex.Snapshot snapshot = index.snapshot();
		Theme theme = publishedTheme(snapshot, themeCode);
		Map<String, Object> answers = request == null || request.answers() == null ? Map.of() : request.answers();
		for (String code : theme.getPublished().itemCodes()) {
			if (!snapshot.items().containsKey(code)) {
				throw new NotFoundException("theme " + themeCode + " refers to item " + code
						+ " which is no longer published; the theme must be revised");
			}
		}
		return PlanCalculator.plan(theme.getCode(), theme.getPublishedVersion(), theme.getPublished(),
				snapshot.items(), answers);
	}

	@PutMapping("/{themeCode}")
	ThemeView save(@PathVariable String themeCode, @RequestBody ThemeDefinition definition) {
		if (definition == null) {
			throw new InvalidRequestException("a theme definition is required", "body", "must be present");
		}
		Theme theme = management.save(CurrentUser.current(), new ThemeCode(themeCode), definition);
		return ThemeView.of(theme.getCode(), theme.getPublishedVersion() + 1, theme.getDraft(), null,
				index.snapshot().items());
	}

	@GetMapping("/{themeCode}/draft")
	ThemeView draft(@PathVariable String themeCode) {
		Theme theme = management.draft(CurrentUser.current(), new ThemeCode(themeCode));
		if (theme.getDraft() == null) {
			throw new NotFoundException("theme " + themeCode + " has no draft");
		}
		return ThemeView.of(theme.getCode(), theme.getPublishedVersion() + 1, theme.getDraft(), null,
				index.snapshot().items());
	}

	@PostMapping("/{themeCode}/publish")
	ThemeView publish(@PathVariable String themeCode) {
		Theme theme = management.publish(CurrentUser.current(), new ThemeCode(themeCode));
		return ThemeView.of(theme.getCode(), theme.getPublishedVersion(), theme.getPublished(), theme.getPublishedAt(),
				index.snapshot().items());
	}

	private static Theme publishedTheme(CatalogIndex.Snapshot snapshot, String themeCode) {
		Theme theme = snapshot.themes().get(new ThemeCode(themeCode).value());
		if (theme == null) {
			throw new NotFoundException("no published theme " + themeCode);
		}
		return theme;
	}

	record PlanRequest(Map<String, Object> answers) {
	}

	record ThemeItemView(String itemCode, boolean always, String name, String departmentCode, String departmentName) {
	}

	record ThemeView(String code, int version, String name, SubjectType audience, LifeEvent lifeEvent,
			String lifeEventLabel, String description, List<String> aliases, List<ThemeItemView> items,
			List<Question> questions, List<Rule> rules, List<OrderConstraint> order, Instant publishedAt) {

		static ThemeView of(String code, int version, ThemeDefinition d, Instant publishedAt,
				Map<String, CatalogItem> items) {
			List<ThemeItemView> itemViews = d.items().stream().map(i -> {
				CatalogItem item = items.get(i.itemCode());
				return item == null ? new ThemeItemView(i.itemCode(), i.always(), null, null, null)
						: new ThemeItemView(i.itemCode(), i.always(), item.getName(), item.getDepartmentCode(),
								item.getDepartmentName());
			}).toList();
			return new ThemeView(code, version, d.name(), d.audience(), d.lifeEvent(), d.lifeEvent().label(),
					d.description(), d.aliases(), itemViews, d.questions(), d.rules(), d.order(), publishedAt);
		}

	}

}
