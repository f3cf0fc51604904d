package org.yiwang.catalog.taxonomy;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.yiwang.catalog.item.CatalogChanged;
import org.yiwang.catalog.item.LifeEvent;
import org.yiwang.shared.security.CurrentUser;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.ForbiddenException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Platform admins maintain the taxonomy; everyone reads it; search picks up a change at once. */
@Service
public class TaxonomyManagement {

	private final Taxonomies taxonomies;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TaxonomyManagement(Taxonomies taxonomies, ApplicationEventPublisher events, Clock clock) {
		this.taxonomies = taxonomies;
		this.events = events;
		this.clock = clock;
	}

	/** The maintained taxonomy, if a platform admin ever saved one (else the defaults apply). */
	public Optional<Taxonomy> current() {
		return taxonomies.findById(Taxonomy.ID);
	}

	/** The life events as the classification names them, in their natural order: the default entries. */
	public static List<Taxonomy.Entry> defaultLifeEvents() {
		return Arrays.stream(LifeEvent.values())
			.map(e -> new Taxonomy.Entry(e, e.label(), e.name().toLowerCase().replace('_', ' '), e.ordinal(), true))
			.toList();
	}

	/**
	 * Replaces the taxonomy. {@code expectedRevision} is the revision the admin edited (null for the first save);
	 * a different current revision is a 409.
	 */
	public Taxonomy save(CurrentUser user, List<Taxonomy.Entry> lifeEvents, List<List<String>> synonymGroups,
			Long expectedRevision) {
		if (!user.hasRole(CurrentUser.PLATFORM_ADMIN)) {
			throw new ForbiddenException("only platform admins maintain the taxonomy");
		}
		Instant now = Instant.now(clock);
		Taxonomy saved = current().map(existing -> {
			if (expectedRevision == null || !expectedRevision.equals(existing.getRevision())) {
				throw new ConflictException("the taxonomy was changed by someone else (revision "
						+ existing.getRevision() + ")", "revision", "must be the current revision");
			}
			existing.apply(lifeEvents, synonymGroups, user.subject(), now);
			return taxonomies.save(existing);
		}).orElseGet(() -> taxonomies.insert(Taxonomy.of(lifeEvents, synonymGroups, user.subject(), now)));
		events.publishEvent(new CatalogChanged("taxonomy"));
		return saved;
	}

}
