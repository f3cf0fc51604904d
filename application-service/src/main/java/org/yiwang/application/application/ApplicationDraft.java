package org.yiwang.application.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yiwang.shared.ids.TimeOrderedIds;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A saved, not yet submitted application: what the applicant chose so far (one item, or a theme with its answers
 * and items). Nothing is pinned or checked against the catalog until submission, which pins the item versions
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

	/** the answers to the theme's questions so far, as given; checked against the plan on submission */
	private Map<String, Object> answers = new LinkedHashMap<>();

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

	public ApplicationDraft(String ownerSubject, String themeCode, Map<String, Object> answers, List<String> itemCodes,
			List<Application.OrderConstraint> order, Instant now) {
		this.id = TimeOrderedIds.next("DRAFT-");
		this.ownerSubject = ownerSubject;
		change(themeCode, answers, itemCodes, order, now);
	}

	public void change(String themeCode, List<String> itemCodes, List<Application.OrderConstraint> order, Instant now) {
		change(themeCode, Map.of(), itemCodes, order, now);
	}

	public void change(String themeCode, Map<String, Object> answers, List<String> itemCodes,
			List<Application.OrderConstraint> order, Instant now) {
		this.answers = new LinkedHashMap<>(answers == null ? Map.of() : answers);
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

	public Map<String, Object> getAnswers() {
		return answers == null ? Map.of() : java.util.Collections.unmodifiableMap(answers);
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
