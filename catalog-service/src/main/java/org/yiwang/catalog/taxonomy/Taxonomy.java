package org.yiwang.catalog.taxonomy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.yiwang.catalog.item.LifeEvent;
import org.yiwang.shared.web.InvalidRequestException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The browsing taxonomy as platform admins maintain it: how each life event / enterprise stage is named (zh-CN,
 * en), ordered and whether it is shown, and the synonym table search expands queries with. One document; the
 * {@code revision} turns two admins saving at once into a 409. The life-event codes themselves are the national
 * lifecycle classification items are tagged with, so they are all present exactly once.
 */
@Document("catalog_taxonomy")
public class Taxonomy {

	static final String ID = "taxonomy";

	static final int MAX_GROUPS = 300;

	static final int MAX_TERM_LENGTH = 20;

	@Id
	private String id = ID;

	private List<Entry> lifeEvents = new ArrayList<>();

	private List<List<String>> synonymGroups = new ArrayList<>();

	private String updatedBy;

	private Instant updatedAt;

	@Version
	private Long revision;

	@PersistenceCreator
	Taxonomy() {
	}

	/** One life event or enterprise stage as shown to people. */
	public record Entry(LifeEvent code, String label, String labelEn, int order, boolean visible) {
	}

	static Taxonomy of(List<Entry> lifeEvents, List<List<String>> synonymGroups, String by, Instant at) {
		Taxonomy taxonomy = new Taxonomy();
		taxonomy.apply(lifeEvents, synonymGroups, by, at);
		return taxonomy;
	}

	void apply(List<Entry> lifeEvents, List<List<String>> synonymGroups, String by, Instant at) {
		validate(lifeEvents, synonymGroups);
		this.lifeEvents = List.copyOf(lifeEvents);
		this.synonymGroups = synonymGroups.stream().map(g -> g.stream().map(String::trim).toList()).toList();
		this.updatedBy = by;
		this.updatedAt = at;
	}

	static void validate(List<Entry> lifeEvents, List<List<String>> synonymGroups) {
		if (lifeEvents == null) {
			throw new InvalidRequestException("the life events are missing", "lifeEvents", "must not be null");
		}
		if (synonymGroups == null) {
			throw new InvalidRequestException("the synonym groups are missing", "synonymGroups", "must not be null");
		}
		Set<LifeEvent> seen = new HashSet<>();
		for (int i = 0; i < lifeEvents.size(); i++) {
			Entry entry = lifeEvents.get(i);
			String field = "lifeEvents[" + i + "]";
			if (entry == null) {
				throw new InvalidRequestException("a life event entry is null", field, "must be a life event");
			}
			if (entry.code() == null || !seen.add(entry.code())) {
				throw new InvalidRequestException("each life event appears once", field + ".code",
						"must be a distinct life event code");
			}
			if (entry.label() == null || entry.label().isBlank() || entry.label().length() > MAX_TERM_LENGTH) {
				throw new InvalidRequestException("a life event needs a label", field + ".label",
						"must have 1 to " + MAX_TERM_LENGTH + " characters");
			}
		}
		if (seen.size() != LifeEvent.values().length) {
			throw new InvalidRequestException("every life event of the classification must be listed", "lifeEvents",
					"must list all " + LifeEvent.values().length + " life events");
		}
		if (synonymGroups.size() > MAX_GROUPS) {
			throw new InvalidRequestException("too many synonym groups", "synonymGroups",
					"must have at most " + MAX_GROUPS + " groups");
		}
		Set<String> terms = new HashSet<>();
		for (int i = 0; i < synonymGroups.size(); i++) {
			List<String> group = synonymGroups.get(i);
			String field = "synonymGroups[" + i + "]";
			if (group == null || group.size() < 2) {
				throw new InvalidRequestException("a synonym group links at least two terms", field,
						"must have at least 2 terms");
			}
			for (String raw : group) {
				String term = raw == null ? "" : raw.trim();
				if (term.isEmpty() || term.length() > MAX_TERM_LENGTH) {
					throw new InvalidRequestException("synonym terms are short words", field,
							"terms must have 1 to " + MAX_TERM_LENGTH + " characters");
				}
				if (!terms.add(term)) {
					throw new InvalidRequestException("'" + term + "' is in two synonym groups", field,
							"a term may belong to one group only");
				}
			}
		}
	}

	public List<Entry> getLifeEvents() {
		return lifeEvents;
	}

	public List<List<String>> getSynonymGroups() {
		return synonymGroups;
	}

	public String getUpdatedBy() {
		return updatedBy;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Long getRevision() {
		return revision;
	}

}
