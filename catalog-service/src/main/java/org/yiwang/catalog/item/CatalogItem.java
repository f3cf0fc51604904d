package org.yiwang.catalog.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.contracts.ItemRetired;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.outbox.OutboxMessage;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.InvalidRequestException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of an item (主项, 子项 or 办理项). The aggregate guards its own lifecycle: a draft may be revised and
 * published; a published version is immutable — applications pin it — and can only be retired; changes are made
 * in a new draft version. Publishing a handling item records {@code catalog.ItemPublished} v1, retiring records
 * {@code catalog.ItemRetired} v1, in the same document (outbox). The document id is {@code <itemCode>:v<version>},
 * so the pair is unique on any MongoDB; the elements are stored flat so that documents of the first catalog
 * version still read.
 */
@Document("catalog_items")
public class CatalogItem {

	@Id
	private String id;

	private String itemCode;

	private int itemVersion;

	private String name;

	private ItemType type;

	private ItemLevel level;

	private String departmentCode;

	private String departmentName;

	private String implementingBody;

	private String legalBasis;

	private int legalDays;

	private int promisedDays;

	private List<Fee> fees;

	private int visits;

	private int onlineDepth;

	private Set<Channel> channels;

	private Set<SubjectType> subjects;

	private List<String> preconditions;

	private List<String> steps;

	private List<Location> locations;

	private Contacts contacts;

	private List<Material> materials;

	private String licenseType;

	private String licenseName;

	private int licenseValidityYears;

	private Set<LifeEvent> lifeEvents;

	private List<String> aliases;

	private List<String> keywords;

	private ItemStatus status;

	private Instant createdAt;

	private Instant publishedAt;

	private Instant retiredAt;

	private String retirementReason;

	@Version
	private Long revision;

	private List<OutboxMessage> outbox = new ArrayList<>();

	@PersistenceCreator
	CatalogItem() {
	}

	public static CatalogItem draft(ItemCode code, int version, ItemDefinition definition, Instant now) {
		requireFits(code, definition);
		CatalogItem item = new CatalogItem();
		item.id = code.value() + ":v" + version;
		item.itemCode = code.value();
		item.itemVersion = version;
		item.apply(definition);
		item.status = ItemStatus.DRAFT;
		item.createdAt = now;
		return item;
	}

	private static void requireFits(ItemCode code, ItemDefinition definition) {
		if (!code.typeCode().equals(definition.type().code())) {
			throw new InvalidRequestException("the item code's type part must match the item type", "itemCode",
					"type part must be " + definition.type().code() + " for " + definition.type());
		}
		if (!code.departmentCode().equals(definition.departmentCode())) {
			throw new InvalidRequestException("the item code's department part must match the department", "itemCode",
					"department part must be " + definition.departmentCode());
		}
		if (!code.admits(definition.level())) {
			throw new InvalidRequestException("a code with " + code.extensions() + " extension(s) cannot be a "
					+ definition.level(), "level", "must fit the code: no extension = MAIN or HANDLING, "
							+ "one = SUB or HANDLING, two = HANDLING");
		}
	}

	private void apply(ItemDefinition d) {
		this.name = d.name();
		this.type = d.type();
		this.level = d.level();
		this.departmentCode = d.departmentCode();
		this.departmentName = d.departmentName();
		this.implementingBody = d.implementingBody();
		this.legalBasis = d.legalBasis();
		this.legalDays = d.legalDays();
		this.promisedDays = d.promisedDays();
		this.fees = d.fees();
		this.visits = d.visits();
		this.onlineDepth = d.onlineDepth();
		this.channels = d.channels();
		this.subjects = d.subjects();
		this.preconditions = d.preconditions();
		this.steps = d.steps();
		this.locations = d.locations();
		this.contacts = d.contacts();
		this.materials = d.materials();
		this.licenseType = d.licenseType();
		this.licenseName = d.licenseName();
		this.licenseValidityYears = d.licenseValidityYears();
		this.lifeEvents = d.lifeEvents();
		this.aliases = d.aliases();
		this.keywords = d.keywords();
	}

	/** The elements of this version (documents of the first catalog version get the defaults). */
	public ItemDefinition definition() {
		return new ItemDefinition(name, type, level, departmentCode, departmentName, implementingBody, legalBasis,
				legalDays, promisedDays, fees, visits, onlineDepth, channels, subjects, preconditions, steps, locations,
				contacts, materials, licenseType, licenseName, licenseValidityYears, lifeEvents, aliases, keywords);
	}

	/** Replaces the elements of a draft; a published or retired version never changes. */
	public void revise(ItemDefinition definition) {
		if (status != ItemStatus.DRAFT) {
			throw new ConflictException(itemCode + " v" + itemVersion + " is " + status
					+ "; published versions are immutable, create a new version to change the item", "status",
					"must be DRAFT");
		}
		if (!definition.departmentCode().equals(departmentCode)) {
			throw new ConflictException("item " + itemCode + " belongs to department " + departmentCode,
					"departmentCode", "must stay " + departmentCode);
		}
		requireFits(new ItemCode(itemCode), definition);
		apply(definition);
	}

	/** A new draft version with this version's elements, to be revised and published. */
	public CatalogItem nextDraft(int version, Instant now) {
		return draft(new ItemCode(itemCode), version, definition(), now);
	}

	public void publish(Instant now) {
		if (status != ItemStatus.DRAFT) {
			throw new ConflictException("only a draft can be published; " + itemCode + " v" + itemVersion + " is "
					+ status, "status", "must be DRAFT");
		}
		status = ItemStatus.PUBLISHED;
		publishedAt = now;
		if (level == null || level == ItemLevel.HANDLING) {
			outbox.add(OutboxMessage.of(Topics.CATALOG, ItemPublished.TYPE, ItemPublished.VERSION, itemCode,
					new ItemPublished(itemCode, itemVersion, name, departmentCode, departmentName, promisedDays,
							legalDays, licenseType, licenseName, licenseValidityYears,
							(materials == null ? List.<Material>of() : materials).stream()
								.map(m -> new ItemPublished.RequiredMaterial(m.code(), m.name(), m.source().name(),
										m.required(), m.condition(), m.licenseType(), m.dataResource()))
								.toList())));
		}
	}

	public void retire(String reason, Instant now) {
		if (status != ItemStatus.PUBLISHED) {
			throw new ConflictException("only a published version can be retired; " + itemCode + " v" + itemVersion
					+ " is " + status, "status", "must be PUBLISHED");
		}
		status = ItemStatus.RETIRED;
		retiredAt = now;
		retirementReason = reason == null ? "" : reason;
		outbox.add(OutboxMessage.of(Topics.CATALOG, ItemRetired.TYPE, ItemRetired.VERSION, itemCode,
				new ItemRetired(itemCode, itemVersion, departmentCode, retirementReason, now)));
	}

	public String getId() {
		return id;
	}

	public String getItemCode() {
		return itemCode;
	}

	public ItemCode code() {
		return new ItemCode(itemCode);
	}

	public int getItemVersion() {
		return itemVersion;
	}

	public String getName() {
		return name;
	}

	public ItemType getType() {
		return type;
	}

	public ItemLevel getLevel() {
		return level == null ? ItemLevel.HANDLING : level;
	}

	public String getDepartmentCode() {
		return departmentCode;
	}

	public String getDepartmentName() {
		return departmentName;
	}

	public int getLegalDays() {
		return legalDays;
	}

	public int getPromisedDays() {
		return promisedDays;
	}

	public String getLicenseType() {
		return licenseType;
	}

	public ItemStatus getStatus() {
		return status;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public Instant getPublishedAt() {
		return publishedAt;
	}

	public Instant getRetiredAt() {
		return retiredAt;
	}

	public String getRetirementReason() {
		return retirementReason;
	}

	public Long getRevision() {
		return revision;
	}

	List<OutboxMessage> pendingEvents() {
		return List.copyOf(outbox);
	}

}
