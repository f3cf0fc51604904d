package org.yiwang.catalog.seed;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.catalog.item.CatalogChanged;
import org.yiwang.catalog.item.CatalogItem;
import org.yiwang.catalog.item.CatalogItems;
import org.yiwang.catalog.item.ItemCode;
import org.yiwang.catalog.theme.Theme;
import org.yiwang.catalog.theme.ThemeCode;
import org.yiwang.catalog.theme.Themes;
import org.yiwang.shared.web.InvalidRequestException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Seeds the DEMO catalog when {@code platform.demo.seed=true}: each item is inserted and published once, then
 * each theme is published against those items. Ids are natural (item code and version, theme code), so a second
 * start or a second replica changes nothing; events go through the outbox like any other publication.
 */
@Component
@ConditionalOnBooleanProperty("platform.demo.seed")
class DemoCatalogSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalogSeeder.class);

	private final CatalogItems items;

	private final Themes themes;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	DemoCatalogSeeder(CatalogItems items, Themes themes, Clock clock, ApplicationEventPublisher events) {
		this.items = items;
		this.themes = themes;
		this.clock = clock;
		this.events = events;
	}

	@Override
	public void run(ApplicationArguments args) {
		int seeded = 0;
		for (DemoCatalog.SeedItem seed : DemoCatalog.ITEMS) {
			ItemCode code = new ItemCode(seed.code());
			if (items.existsById(code.value() + ":v1")) {
				continue;
			}
			CatalogItem item = CatalogItem.draft(code, 1, seed.definition(), Instant.now(clock));
			item.publish(Instant.now(clock));
			try {
				items.insert(item);
				seeded++;
			}
			catch (DuplicateKeyException ex) {
				// another replica seeded it first
			}
		}
		int seededThemes = 0;
		for (Map.Entry<String, org.yiwang.catalog.theme.ThemeDefinition> seed : DemoThemes.THEMES.entrySet()) {
			if (themes.existsById(seed.getKey())) {
				continue;
			}
			Map<String, CatalogItem> catalog = new HashMap<>();
			for (String itemCode : seed.getValue().itemCodes()) {
				items.findFirstByItemCodeOrderByItemVersionDesc(itemCode).ifPresent(i -> catalog.put(itemCode, i));
			}
			Theme theme = new Theme(new ThemeCode(seed.getKey()), seed.getValue(), Instant.now(clock));
			try {
				theme.publish(catalog, Instant.now(clock));
				themes.insert(theme);
				seededThemes++;
			}
			catch (DuplicateKeyException ex) {
				// another replica seeded it first
			}
			catch (InvalidRequestException ex) {
				log.warn("demo theme {} not seeded: {}", seed.getKey(), ex.getMessage());
			}
		}
		events.publishEvent(new CatalogChanged("demo-seed"));
		log.info("demo catalog: {} of {} items and {} of {} themes seeded (DEMO DATA)", seeded, DemoCatalog.ITEMS.size(),
				seededThemes, DemoThemes.THEMES.size());
	}

}
