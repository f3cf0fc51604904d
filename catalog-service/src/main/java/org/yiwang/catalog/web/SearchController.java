package org.yiwang.catalog.web;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.yiwang.catalog.item.LifeEvent;
import org.yiwang.catalog.item.SubjectType;
import org.yiwang.catalog.search.CatalogIndex;
import org.yiwang.catalog.taxonomy.Taxonomy;
import org.yiwang.catalog.taxonomy.TaxonomyManagement;
import org.yiwang.catalog.search.SearchIndex;
import org.yiwang.shared.web.PageView;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public search over items and themes, and the life-event taxonomy citizens browse by. */
@RestController
@Validated
@RequestMapping("/api/v1/catalog")
class SearchController {

	private final CatalogIndex index;

	private final TaxonomyManagement taxonomy;

	SearchController(CatalogIndex index, TaxonomyManagement taxonomy) {
		this.index = index;
		this.taxonomy = taxonomy;
	}

	@GetMapping("/search")
	PageView<SearchHit> search(@RequestParam @NotBlank @Size(max = 50) String q,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
			@RequestParam(required = false) CatalogIndex.Kind kind, @RequestParam(required = false) SubjectType subject,
			@RequestParam(required = false) @Size(max = 20) String department,
			@RequestParam(required = false) @Size(max = 12) String region,
			@RequestParam(required = false) @Min(1) @Max(4) Integer minOnlineDepth,
			@RequestParam(required = false) LifeEvent lifeEvent) {
		CatalogIndex.Filter filter = new CatalogIndex.Filter(kind, subject, department, region, minOnlineDepth,
				lifeEvent);
		List<SearchHit> hits = index.snapshot()
			.index()
			.search(q, filter)
			.stream()
			.map(SearchHit::of)
			.toList();
		return Pages.of(hits, page, size);
	}

	/** The browsing taxonomy as platform admins maintain it: labels (zh-CN, en), order, visibility, counts. */
	@GetMapping("/life-events")
	List<LifeEventView> lifeEvents() {
		CatalogIndex.Snapshot snapshot = index.snapshot();
		List<Taxonomy.Entry> entries = taxonomy.current()
			.map(Taxonomy::getLifeEvents)
			.orElseGet(TaxonomyManagement::defaultLifeEvents);
		return entries.stream()
			.filter(Taxonomy.Entry::visible)
			.sorted(java.util.Comparator.comparingInt(Taxonomy.Entry::order))
			.map(entry -> new LifeEventView(entry.code(), entry.label(), entry.labelEn(), entry.code().audience(),
					snapshot.entries()
						.stream()
						.filter(e -> e.kind() == CatalogIndex.Kind.ITEM && e.lifeEvents().contains(entry.code()))
						.count(),
					snapshot.entries()
						.stream()
						.filter(e -> e.kind() == CatalogIndex.Kind.THEME && e.lifeEvents().contains(entry.code()))
						.map(CatalogIndex.Entry::code)
						.sorted()
						.toList()))
			.toList();
	}

	record SearchHit(CatalogIndex.Kind kind, String code, String name, List<String> departments, int onlineDepth,
			double score) {

		static SearchHit of(SearchIndex.Hit<CatalogIndex.Entry> hit) {
			CatalogIndex.Entry e = hit.payload();
			return new SearchHit(e.kind(), e.code(), e.name(), e.departments().stream().sorted().toList(),
					e.onlineDepth(), Math.round(hit.score() * 1000) / 1000.0);
		}

	}

	record LifeEventView(LifeEvent code, String label, String labelEn, SubjectType audience, long items,
			List<String> themes) {
	}

}
