package org.yiwang.catalog.seed;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yiwang.catalog.item.CatalogItem;
import org.yiwang.catalog.item.CatalogItems;
import org.yiwang.catalog.item.ItemCode;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo catalog when {@code platform.demo.seed=true}: each item is inserted and published once (the
 * document id is the item code and version, so a second start or a second replica changes nothing), through the
 * outbox like any other publication.
 */
@Component
@ConditionalOnBooleanProperty("platform.demo.seed")
class DemoCatalogSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalogSeeder.class);

	private final CatalogItems items;

	private final Clock clock;

	DemoCatalogSeeder(CatalogItems items, Clock clock) {
		this.items = items;
		this.clock = clock;
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
		log.info("demo catalog: {} items seeded, {} already present", seeded, DemoCatalog.ITEMS.size() - seeded);
	}

}
