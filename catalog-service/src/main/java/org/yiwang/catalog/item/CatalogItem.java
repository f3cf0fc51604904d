package org.yiwang.catalog.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.yiwang.shared.contracts.ItemPublished;
import org.yiwang.shared.events.Topics;
import org.yiwang.shared.outbox.OutboxMessage;
import org.yiwang.shared.web.ConflictException;
import org.yiwang.shared.web.InvalidRequestException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a handling item (办理项). The aggregate guards its own lifecycle: a draft may be edited and
 * published; publishing records {@code catalog.ItemPublished} in the same document (outbox); a published
 * version is immutable and can only be retired. The document id is {@code <itemCode>:v<version>}, so the pair is
 * unique on any MongoDB.
 */
@Document("catalog_items")
public class CatalogItem {

	@Id
	private String id;

	private String itemCode;

	private int itemVersion;

	private String name;

	private ItemType type;

	private String departmentCode;

	private String departmentName;

	private String legalBasis;

	private int legalDays;

	private int promisedDays;

	private String licenseType;

	private String licenseName;

	private int licenseValidityYears;

	private ItemStatus status;

	private Instant createdAt;

	private Instant publishedAt;

	@Version
	private Long revision;

	private List<OutboxMessage> outbox = new ArrayList<>();

	@PersistenceCreator
	CatalogItem() {
	}

	public static CatalogItem draft(ItemCode code, int version, ItemDefinition definition, Instant now) {
		if (!code.typeCode().equals(definition.type().code())) {
			throw new InvalidRequestException("the item code's type part must match the item type", "itemCode",
					"type part must be " + definition.type().code() + " for " + definition.type());
		}
		CatalogItem item = new CatalogItem();
		item.id = code.value() + ":v" + version;
		item.itemCode = code.value();
		item.itemVersion = version;
		item.apply(definition);
		item.status = ItemStatus.DRAFT;
		item.createdAt = now;
		return item;
	}

	private void apply(ItemDefinition definition) {
		this.name = definition.name();
		this.type = definition.type();
		this.departmentCode = definition.departmentCode();
		this.departmentName = definition.departmentName();
		this.legalBasis = definition.legalBasis();
		this.legalDays = definition.legalDays();
		this.promisedDays = definition.promisedDays();
		this.licenseType = definition.licenseType();
		this.licenseName = definition.licenseName();
		this.licenseValidityYears = definition.licenseValidityYears();
	}

	public void publish(Instant now) {
		if (status != ItemStatus.DRAFT) {
			throw new ConflictException("only a draft can be published; " + itemCode + " v" + itemVersion + " is "
					+ status, "status", "must be DRAFT");
		}
		status = ItemStatus.PUBLISHED;
		publishedAt = now;
		outbox.add(OutboxMessage.of(Topics.CATALOG, ItemPublished.TYPE, ItemPublished.VERSION, itemCode,
				new ItemPublished(itemCode, itemVersion, name, departmentCode, departmentName, promisedDays,
						legalDays, licenseType, licenseName, licenseValidityYears)));
	}

	public String getId() {
		return id;
	}

	public String getItemCode() {
		return itemCode;
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

	public String getDepartmentCode() {
		return departmentCode;
	}

	public String getDepartmentName() {
		return departmentName;
	}

	public String getLegalBasis() {
		return legalBasis;
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

	public String getLicenseName() {
		return licenseName;
	}

	public int getLicenseValidityYears() {
		return licenseValidityYears;
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

	public Long getRevision() {
		return revision;
	}

	List<OutboxMessage> pendingEvents() {
		return List.copyOf(outbox);
	}

}
