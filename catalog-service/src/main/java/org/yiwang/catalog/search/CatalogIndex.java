package org.yiwang.catalog.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.catalog.item.CatalogChanged;
import org.yiwang.catalog.taxonomy.TaxonomyManagement;
import org.yiwang.catalog.item.CatalogItem;
import org.yiwang.catalog.item.CatalogItems;
import org.yiwang.catalog.item.ItemDefinition;
import org.yiwang.catalog.item.ItemStatus;
import org.yiwang.catalog.item.LifeEvent;
import org.yiwang.catalog.item.SubjectType;
import org.yiwang.catalog.theme.Theme;
import org.yiwang.catalog.theme.ThemeDefinition;
import org.yiwang.catalog.theme.Themes;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The public read model of the catalog: the CURRENT published version of every item and every published theme,
 * with the search index over them. Rebuilt from MongoDB whenever this instance changes the catalog, and every 30
 * seconds to pick up other replicas' changes — at thousands of items a rebuild takes milliseconds, so there is
 * no need for incremental updates or an external search engine.
 */
@Component
public class CatalogIndex {

	private static final Logger log = LoggerFactory.getLogger(CatalogIndex.class);

	/** One browsable, searchable entry: an item or a theme. */
	public record Entry(Kind kind, String code, String name, Set<String> departments, Set<SubjectType> subjects,
			String region, int onlineDepth, Set<LifeEvent> lifeEvents) {
	}

	public enum Kind {

		ITEM, THEME

	}

	/** An immutable view of the catalog at one moment. */
	public record Snapshot(Map<String, CatalogItem> items, Map<String, Theme> themes, List<Entry> entries,
			SearchIndex<Entry> index) {
	}

	private final CatalogItems items;

	private final Themes themes;

	private final TaxonomyManagement taxonomy;

	private volatile Snapshot snapshot;

	CatalogIndex(CatalogItems items, Themes themes, TaxonomyManagement taxonomy) {
		this.items = items;
		this.themes = themes;
		this.taxonomy = taxonomy;
	}

	public Snapshot snapshot() {
		Snapshot current = snapshot;
		return current != null ? current : rebuild();
	}

	@EventListener(CatalogChanged.class)
	public void onChange() {
		rebuild();
	}

	@Scheduled(fixedDelayString = "${platform.catalog.index-refresh:30s}", initialDelayString = "${platform.catalog.index-refresh:30s}")
	public void refresh() {
		rebuild();
	}

	public synchronized Snapshot rebuild() {
		long started = System.nanoTime();
		Map<String, CatalogItem> current = new HashMap<>();
		for (CatalogItem item : items.findByStatusIn(List.of(ItemStatus.PUBLISHED, ItemStatus.RETIRED))) {
			current.merge(item.getItemCode(), item,
					(a, b) -> a.getItemVersion() >= b.getItemVersion() ? a : b);
		}
		current.values().removeIf(item -> item.getStatus() != ItemStatus.PUBLISHED);
		Map<String, Theme> published = new HashMap<>();
		themes.findByPublishedVersionGreaterThan(0).forEach(t -> published.put(t.getCode(), t));
		Synonyms synonyms = taxonomy.current().map(t -> new Synonyms(t.getSynonymGroups())).orElse(Synonyms.DEFAULT);
		Snapshot built = build(current, published, synonyms);
		snapshot = built;
		log.debug("catalog index rebuilt: {} items, {} themes in {} ms", current.size(), published.size(),
				(System.nanoTime() - started) / 1_000_000);
		return built;
	}

	/** Builds a snapshot from items and themes; public for the benchmark. */
	public static Snapshot build(Map<String, CatalogItem> items, Map<String, Theme> themes) {
		return build(items, themes, Synonyms.DEFAULT);
	}

	/** Builds a snapshot whose search expands queries with the given synonym table. */
	public static Snapshot build(Map<String, CatalogItem> items, Map<String, Theme> themes, Synonyms synonyms) {
		List<Entry> entries = new ArrayList<>();
		List<SearchIndex.Doc<Entry>> docs = new ArrayList<>();
		items.values().stream().sorted(Comparator.comparing(CatalogItem::getItemCode)).forEach(item -> {
			ItemDefinition d = item.definition();
			Entry entry = new Entry(Kind.ITEM, item.getItemCode(), d.name(), Set.of(d.departmentCode()),
					d.subjectSet(), item.code().regionCode(), d.onlineDepth(), d.lifeEvents());
			entries.add(entry);
			List<SearchIndex.Field> fields = new ArrayList<>();
			fields.add(new SearchIndex.Field(d.name(), 1.0));
			d.aliases().forEach(a -> fields.add(new SearchIndex.Field(a, 0.9)));
			d.keywords().forEach(k -> fields.add(new SearchIndex.Field(k, 0.8)));
			if (d.licenseName() != null) {
				fields.add(new SearchIndex.Field(d.licenseName(), 0.7));
			}
			fields.add(new SearchIndex.Field(d.departmentName(), 0.3));
			fields.add(new SearchIndex.Field(item.getItemCode(), 0.5));
			docs.add(new SearchIndex.Doc<>(entry, fields));
		});
		themes.values().stream().sorted(Comparator.comparing(Theme::getCode)).forEach(theme -> {
			ThemeDefinition d = theme.getPublished();
			Set<String> departments = new LinkedHashSet<>();
			int depth = 4;
			String region = null;
			List<SearchIndex.Field> fields = new ArrayList<>();
			fields.add(new SearchIndex.Field(d.name(), 1.0));
			d.aliases().forEach(a -> fields.add(new SearchIndex.Field(a, 0.9)));
			fields.add(new SearchIndex.Field(d.lifeEvent().label(), 0.5));
			for (String code : d.itemCodes()) {
				CatalogItem item = items.get(code);
				if (item != null) {
					departments.add(item.getDepartmentCode());
					depth = Math.min(depth, item.definition().onlineDepth());
					region = region == null ? item.code().regionCode() : region;
					fields.add(new SearchIndex.Field(item.getName(), 0.4));
				}
			}
			Entry entry = new Entry(Kind.THEME, theme.getCode(), d.name(), departments, Set.of(d.audience()), region,
					depth, Set.of(d.lifeEvent()));
			entries.add(entry);
			docs.add(new SearchIndex.Doc<>(entry, fields));
		});
		return new Snapshot(Map.copyOf(items), Map.copyOf(themes), List.copyOf(entries), new SearchIndex<>(docs, synonyms));
	}

	public Optional<CatalogItem> item(String code) {
		return Optional.ofNullable(snapshot().items().get(code));
	}

	/** Filters of the browse and search endpoints; null means "any". */
	public record Filter(Kind kind, SubjectType subject, String department, String region, Integer minOnlineDepth,
			LifeEvent lifeEvent) implements Predicate<Entry> {

		@Override
		public boolean test(Entry e) {
			return (kind == null || e.kind() == kind) && (subject == null || e.subjects().contains(subject))
					&& (department == null || e.departments().contains(department))
					&& (region == null || (e.region() != null && e.region().startsWith(region)))
					&& (minOnlineDepth == null || e.onlineDepth() >= minOnlineDepth)
					&& (lifeEvent == null || e.lifeEvents().contains(lifeEvent));
		}

	}

}
