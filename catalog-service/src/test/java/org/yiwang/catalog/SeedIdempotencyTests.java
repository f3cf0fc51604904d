package org.yiwang.catalog;

import org.junit.jupiter.api.Test;
import org.yiwang.catalog.item.CatalogItems;
import org.yiwang.catalog.theme.Themes;
import org.yiwang.shared.testing.TestInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeding twice (a restart, a second replica) changes nothing. */
@SpringBootTest(properties = "platform.demo.seed=true")
class SeedIdempotencyTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestInfrastructure.register(registry, "catalog-seed-idempotency-test");
	}

	@Autowired
	CatalogItems items;

	@Autowired
	Themes themes;

	@Autowired
	ApplicationRunner demoCatalogSeeder;

	@Test
	void seedingAgainChangesNothing() throws Exception {
		long itemCount = items.count();
		long themeCount = themes.count();
		assertThat(itemCount).isGreaterThanOrEqualTo(42);
		assertThat(themeCount).isGreaterThanOrEqualTo(6);
		var revisions = items.findAll().stream().map(i -> i.getId() + "@" + i.getRevision()).sorted().toList();
		demoCatalogSeeder.run(new DefaultApplicationArguments());
		assertThat(items.count()).isEqualTo(itemCount);
		assertThat(themes.count()).isEqualTo(themeCount);
		assertThat(items.findAll().stream().map(i -> i.getId() + "@" + i.getRevision()).sorted().toList())
			.isEqualTo(revisions);
	}

}
