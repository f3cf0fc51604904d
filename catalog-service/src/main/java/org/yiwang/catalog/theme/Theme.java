package org.yiwang.catalog.theme;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.yiwang.catalog.item.CatalogItem;
import org.yiwang.shared.contracts.ThemePublished;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.outbox.OutboxMessage;
import org.yiwang.shared.web.ConflictException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A one-thing theme (一件事). One document holds the working draft and the published definition, so that editing
 * never disturbs the plans citizens get, and publishing is a single-document change that records
 * {@code catalog.ThemePublished} in the outbox.
 */
@Document("catalog_themes")
public class Theme {

	@Id
	private String code;

	private ThemeDefinition draft;

	private ThemeDefinition published;

	private int publishedVersion;

	private Instant updatedAt;

	private Instant publishedAt;

	@Version
	private Long revision;

	private List<OutboxMessage> outbox = new ArrayList<>();

	@PersistenceCreator
	Theme() {
	}

	public Theme(ThemeCode code, ThemeDefinition draft, Instant now) {
		this.code = code.value();
		this.draft = draft;
		this.updatedAt = now;
	}

	public void revise(ThemeDefinition definition, Instant now) {
		this.draft = definition;
		this.updatedAt = now;
	}

	/**
	 * Publishes the draft, after checking it against the catalog's current versions; the published theme is what
	 * plans use from now on.
	 */
	public void publish(Map<String, CatalogItem> catalog, Instant now) {
		if (draft == null) {
			throw new ConflictException("theme " + code + " has no draft to publish", "status", "needs a draft");
		}
		draft.validateAgainst(itemCode -> java.util.Optional.ofNullable(catalog.get(itemCode)));
		published = draft;
		draft = null;
		publishedVersion++;
		publishedAt = now;
		LinkedHashSet<String> departments = new LinkedHashSet<>();
		published.itemCodes().forEach(c -> departments.add(catalog.get(c).getDepartmentCode()));
		outbox.add(OutboxMessage.of(Topics.CATALOG, ThemePublished.TYPE, ThemePublished.VERSION, code,
				new ThemePublished(code, publishedVersion, published.name(), published.itemCodes(),
						List.copyOf(departments), now, published.contractPlan())));
	}

	public String getCode() {
		return code;
	}

	public ThemeDefinition getDraft() {
		return draft;
	}

	public ThemeDefinition getPublished() {
		return published;
	}

	public int getPublishedVersion() {
		return publishedVersion;
	}

	public Instant getPublishedAt() {
		return publishedAt;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

}
