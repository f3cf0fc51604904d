package org.yiwang.catalog.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.yiwang.catalog.search.Synonyms;
import org.yiwang.catalog.taxonomy.Taxonomy;
import org.yiwang.catalog.taxonomy.TaxonomyManagement;
import org.yiwang.shared.security.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The browsing taxonomy and synonym table: public to read, maintained by platform admins. */
@RestController
@RequestMapping("/api/v1/catalog/taxonomy")
class TaxonomyController {

	private final TaxonomyManagement management;

	TaxonomyController(TaxonomyManagement management) {
		this.management = management;
	}

	@GetMapping
	TaxonomyView current() {
		return management.current()
			.map(TaxonomyView::of)
			.orElseGet(() -> new TaxonomyView(TaxonomyManagement.defaultLifeEvents(), Synonyms.DEFAULT.groups(), null,
					null, null));
	}

	@PutMapping
	TaxonomyView save(@Valid @RequestBody TaxonomyRequest request) {
		return TaxonomyView.of(management.save(CurrentUser.current(), request.lifeEvents(), request.synonymGroups(),
				request.revision()));
	}

	record TaxonomyRequest(@NotNull @Size(max = 50) List<Taxonomy.Entry> lifeEvents,
			@NotNull @Size(max = 300) List<List<String>> synonymGroups, Long revision) {
	}

	record TaxonomyView(List<Taxonomy.Entry> lifeEvents, List<List<String>> synonymGroups, Long revision,
			String updatedBy, Instant updatedAt) {

		static TaxonomyView of(Taxonomy taxonomy) {
			return new TaxonomyView(taxonomy.getLifeEvents(), taxonomy.getSynonymGroups(), taxonomy.getRevision(),
					taxonomy.getUpdatedBy(), taxonomy.getUpdatedAt());
		}

	}

}
