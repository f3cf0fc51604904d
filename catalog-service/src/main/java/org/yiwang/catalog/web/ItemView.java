package org.yiwang.catalog.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.yiwang.catalog.item.CatalogItem;
import org.yiwang.catalog.item.Channel;
import org.yiwang.catalog.item.Contacts;
import org.yiwang.catalog.item.Fee;
import org.yiwang.catalog.item.ItemDefinition;
import org.yiwang.catalog.item.ItemLevel;
import org.yiwang.catalog.item.ItemStatus;
import org.yiwang.catalog.item.ItemType;
import org.yiwang.catalog.item.LifeEvent;
import org.yiwang.catalog.item.Location;
import org.yiwang.catalog.item.Material;
import org.yiwang.catalog.item.SubjectType;

/** An item version as the guide (办事指南) shows it: all elements plus labels and derived codes. */
record ItemView(String itemCode, String basicCode, int version, ItemStatus status, String name, ItemType type, String typeLabel,
		ItemLevel level, String levelLabel, String parentCode, String regionCode, String departmentCode,
		String departmentName, String implementingBody, String legalBasis, int legalDays, int promisedDays,
		List<Fee> fees, boolean free, int visits, int onlineDepth, Set<Channel> channels, Set<SubjectType> subjects,
		List<String> preconditions, List<String> steps, List<Location> locations, Contacts contacts,
		List<Material> materials, String licenseType, String licenseName, int licenseValidityYears,
		List<String> lifeEvents, List<String> aliases, List<String> keywords, Instant publishedAt,
		Instant retiredAt) {

	static ItemView of(CatalogItem item) {
		ItemDefinition d = item.definition();
		return new ItemView(item.getItemCode(), item.code().basicCode(), item.getItemVersion(), item.getStatus(), d.name(), d.type(),
				d.type().label(), d.level(), d.level().label(),
				item.code().parent().map(Object::toString).orElse(null), item.code().regionCode(), d.departmentCode(),
				d.departmentName(), d.implementingBody(), d.legalBasis(), d.legalDays(), d.promisedDays(), d.fees(),
				d.free(), d.visits(), d.onlineDepth(), d.channels(), d.subjects(), d.preconditions(), d.steps(),
				d.locations(), d.contacts(), d.materials(), d.licenseType(), d.licenseName(),
				d.licenseValidityYears(), d.lifeEvents().stream().map(LifeEvent::name).sorted().toList(),
				d.aliases(), d.keywords(), item.getPublishedAt(), item.getRetiredAt());
	}

}
