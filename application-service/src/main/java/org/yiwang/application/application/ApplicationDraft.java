package org.yiwang.application.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.yiwang.shared.ids.TimeOrderedIds;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A saved, not yet submitted application: what the applicant chose so far (one item, or the items and order of a
 * theme plan). Nothing is pinned or checked against the catalog until submission, which pins the item versions
 * published at that moment.
 */
@Document("application_drafts")
public class ApplicationDraft {

	@Id
	private String id;

	private String ownerSubject;

	private String themeCode;

	private List<String> itemCodes = new ArrayList<>();

	private List<Application.OrderConstraint> order = new ArrayList<>();

	private Instant updatedAt;

	@Version
	private Long revision;

	@PersistenceCreator
	ApplicationDraft() {
	}

	public ApplicationDraft(String ownerSubject, String themeCode, List<String> itemCodes,
			List<Application.OrderConstraint> order, Instant now) {
		this.id = TimeOrderedIds.next("DRAFT-");
		this.ownerSubject = ownerSubject;
		change(themeCode, itemCodes, order, now);
	}

	public void change(String themeCode, List<String> itemCodes, List<Application.OrderConstraint> order, Instant now) {
		this.themeCode = themeCode;
		this.itemCodes = new ArrayList<>(itemCodes == null ? List.of() : itemCodes);
		this.order = new ArrayList<>(order == null ? List.of() : order);
		this.updatedAt = now;
	}

	public boolean isOwnedBy(String subject) {
		return ownerSubject.equals(subject);
	}

	public String getId() {
		return id;
	}

	public String getThemeCode() {
		return themeCode;
	}

	public List<String> getItemCodes() {
		return List.copyOf(itemCodes);
	}

	public List<Application.OrderConstraint> getOrder() {
		return List.copyOf(order);
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

	public Long getRevision() {
		return revision;
	}

}
