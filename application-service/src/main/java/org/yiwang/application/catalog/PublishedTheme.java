package org.yiwang.application.catalog;

import java.time.Instant;
import java.util.List;

import org.yiwang.shared.contracts.ThemePlan;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What application-service knows of a published theme (一件事): the latest published version, learnt from
 * {@code catalog.ThemePublished}, with the plan (questions, rules, order) that submissions under the theme are bound
 * to. {@code plan} is null for a theme last published before the event carried it: such a theme cannot be applied for
 * until the catalog publishes it again.
 */
@Document("published_themes")
public class PublishedTheme {

	@Id
	private String themeCode;

	private int themeVersion;

	private String name;

	private List<String> itemCodes;

	private List<String> departmentCodes;

	private Instant publishedAt;

	private ThemePlan plan;

	@PersistenceCreator
	PublishedTheme() {
	}

	public PublishedTheme(String themeCode, int themeVersion, String name, List<String> itemCodes,
			List<String> departmentCodes, Instant publishedAt, ThemePlan plan) {
		this.themeCode = themeCode;
		this.themeVersion = themeVersion;
		this.name = name;
		this.itemCodes = itemCodes == null ? List.of() : List.copyOf(itemCodes);
		this.departmentCodes = departmentCodes == null ? List.of() : List.copyOf(departmentCodes);
		this.publishedAt = publishedAt;
		this.plan = plan;
	}

	public String getThemeCode() {
		return themeCode;
	}

	public int getThemeVersion() {
		return themeVersion;
	}

	public String getName() {
		return name;
	}

	public List<String> getItemCodes() {
		return itemCodes == null ? List.of() : List.copyOf(itemCodes);
	}

	public List<String> getDepartmentCodes() {
		return departmentCodes == null ? List.of() : List.copyOf(departmentCodes);
	}

	public Instant getPublishedAt() {
		return publishedAt;
	}

	public ThemePlan getPlan() {
		return plan;
	}

}
