package org.yiwang.catalog.web;

import java.util.List;
import java.util.Set;

import org.yiwang.catalog.item.Channel;
import org.yiwang.catalog.item.Contacts;
import org.yiwang.catalog.item.Fee;
import org.yiwang.catalog.item.ItemDefinition;
import org.yiwang.catalog.item.ItemLevel;
import org.yiwang.catalog.item.ItemType;
import org.yiwang.catalog.item.LifeEvent;
import org.yiwang.catalog.item.Location;
import org.yiwang.catalog.item.Material;
import org.yiwang.catalog.item.SubjectType;

/**
 * The JSON of an item's elements as admins send it; {@code itemCode} only on creation. Optional elements may be
 * omitted (defaults apply); the domain validates everything and names the offending field.
 */
record ItemRequest(String itemCode, String name, ItemType type, ItemLevel level, String departmentCode,
		String departmentName, String implementingBody, String legalBasis, Integer legalDays, Integer promisedDays,
		List<Fee> fees, Integer visits, Integer onlineDepth, Set<Channel> channels, Set<SubjectType> subjects,
		List<String> preconditions, List<String> steps, List<Location> locations, Contacts contacts,
		List<Material> materials, String licenseType, String licenseName, Integer licenseValidityYears,
		Set<LifeEvent> lifeEvents, List<String> aliases, List<String> keywords) {

	ItemDefinition definition() {
		return new ItemDefinition(name, type, level, departmentCode, departmentName, implementingBody, legalBasis,
				orMissing(legalDays, "legalDays"), orMissing(promisedDays, "promisedDays"), fees,
				visits == null ? 1 : visits, onlineDepth == null ? 1 : onlineDepth, channels, subjects, preconditions,
				steps, locations, contacts, materials, licenseType, licenseName,
				licenseValidityYears == null ? 0 : licenseValidityYears, lifeEvents, aliases, keywords);
	}

	private static int orMissing(Integer value, String field) {
		if (value == null) {
			throw new org.yiwang.shared.web.InvalidRequestException(field + " is required", field, "must be present");
		}
		return value;
	}

}
